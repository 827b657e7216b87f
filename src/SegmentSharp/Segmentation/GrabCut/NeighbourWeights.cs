using System.Runtime.CompilerServices;
namespace SegmentSharp.Segmentation;

/// <summary>
/// GrabCut's smoothness weights γ·exp(−β‖Δcolour‖²) towards the left, up-left, up and up-right neighbours (γ/√2 on
/// the diagonals), with β = 1/(2·mean ‖Δcolour‖²) over all 8-neighbour pairs, computed once per call as OpenCV's
/// <c>calcBeta</c> and <c>calcNWeights</c> do.
/// </summary>
internal sealed class NeighbourWeights
{
    public required double[] Left, UpLeft, Up, UpRight;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static NeighbourWeights Compute(byte[] img, int w, int h, double gamma)
    {
        double beta = Beta(img, w, h);
        // OpenCV divides by a float square root of 2.
        double gammaDiag = gamma / (double)MathF.Sqrt(2f);
        var nw = new NeighbourWeights { Left = new double[w * h], UpLeft = new double[w * h], Up = new double[w * h], UpRight = new double[w * h] };
        // A squared colour difference is an integer up to 3·255², so each weight is a table lookup.
        var table = new double[3 * 255 * 255 + 1];
        var tableDiag = new double[table.Length];
        var known = new bool[table.Length];
        for (int y = 0, p = 0; y < h; y++)
            for (int x = 0; x < w; x++, p++)
            {
                if (x > 0) nw.Left[p] = Weight(SquaredDiff(img, p, p - 1), false);
                if (x > 0 && y > 0) nw.UpLeft[p] = Weight(SquaredDiff(img, p, p - w - 1), true);
                if (y > 0) nw.Up[p] = Weight(SquaredDiff(img, p, p - w), false);
                if (x + 1 < w && y > 0) nw.UpRight[p] = Weight(SquaredDiff(img, p, p - w + 1), true);
            }
        return nw;

        double Weight(int d, bool diagonal)
        {
            if (!known[d])
            {
                double e = Math.Exp(-beta * d);
                table[d] = gamma * e;
                tableDiag[d] = gammaDiag * e;
                known[d] = true;
            }
            return diagonal ? tableDiag[d] : table[d];
        }
    }

    private static int SquaredDiff(byte[] img, int p, int q)
    {
        int d0 = img[3 * p] - img[3 * q], d1 = img[3 * p + 1] - img[3 * q + 1], d2 = img[3 * p + 2] - img[3 * q + 2];
        return d0 * d0 + d1 * d1 + d2 * d2;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Beta(byte[] img, int w, int h)
    {
        long sum = 0;
        for (int y = 0, p = 0; y < h; y++)
            for (int x = 0; x < w; x++, p++)
            {
                if (x > 0) sum += SquaredDiff(img, p, p - 1);
                if (y > 0 && x > 0) sum += SquaredDiff(img, p, p - w - 1);
                if (y > 0) sum += SquaredDiff(img, p, p - w);
                if (y > 0 && x < w - 1) sum += SquaredDiff(img, p, p - w + 1);
            }
        double beta = sum;
        if (beta <= 2.220446049250313e-16) return 0;
        // OpenCV's pair count (int arithmetic) and its float numerator 1.f.
        int pairs = 4 * w * h - 3 * w - 3 * h + 2;
        return 1.0 / (2 * beta / pairs);
    }
}
