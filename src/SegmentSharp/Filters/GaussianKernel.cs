namespace SegmentSharp.Filters;

/// <summary>
/// Gaussian kernel taps exactly as OpenCV builds them (<c>getGaussianKernelBitExact</c> in <c>smooth.dispatch.cpp</c>):
/// fixed binomial tables for sigma ≤ 0 and n ≤ 9, otherwise sampled <c>exp(−x²/2σ²)</c> normalised to sum 1.
/// </summary>
internal static class GaussianKernel
{
    /// <summary>The double taps of <c>cv::getGaussianKernel(n, sigma, CV_64F)</c>.</summary>
    public static double[] Double(int n, double sigma)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "Kernel size must be positive.");
        if (sigma <= 0)
        {
            // Binomial rows (scaled), which OpenCV uses for the default sigma of small kernels.
            switch (n)
            {
                case 1: return [1.0];
                case 3: return [0.25, 0.5, 0.25];
                case 5: return [1 / 16.0, 4 / 16.0, 6 / 16.0, 4 / 16.0, 1 / 16.0];
                case 7: return [1 / 32.0, 3.5 / 32.0, 7 / 32.0, 9 / 32.0, 7 / 32.0, 3.5 / 32.0, 1 / 32.0];
                case 9: return [4 / 256.0, 13 / 256.0, 30 / 256.0, 51 / 256.0, 60 / 256.0, 51 / 256.0, 30 / 256.0, 13 / 256.0, 4 / 256.0];
            }
        }
        // sigma = 0.15 n + 0.35 is 0.3((n−1)/2 − 1) + 0.8 rearranged; OpenCV evaluates it as one fused multiply-add.
        double s = sigma > 0 ? sigma : Math.FusedMultiplyAdd(n, 0.15, 0.35);
        double scale2 = -0.125 / (s * s);
        int half = (n - 1) / 2;
        var values = new double[half];
        double sum = 0;
        for (int i = 0, x = 1 - n; i < half; i++, x += 2)
        {
            // x counts half-steps, hence −1/8 rather than −1/2 in scale2.
            double t = SoftExp.Exp((double)(x * x) * scale2);
            values[i] = t;
            sum += t;
        }
        sum *= 2;
        sum += 1;
        if ((n & 1) == 0) sum += 1;
        double mul = 1 / sum;
        var result = new double[n];
        for (int i = 0; i < half; i++)
        {
            double t = values[i] * mul;
            result[i] = t;
            result[n - 1 - i] = t;
        }
        result[half] = mul;
        if ((n & 1) == 0) result[half + 1] = mul;
        return result;
    }

    /// <summary>The float taps OpenCV's float filters use: the double taps cast to float.</summary>
    public static float[] Float(int n, double sigma)
    {
        var d = Double(n, sigma);
        var f = new float[n];
        for (int i = 0; i < n; i++) f[i] = (float)d[i];
        return f;
    }

    /// <summary>
    /// Taps quantised to 8 fractional bits by error diffusion from the outside in, the centre tap taking the
    /// remainder so that they sum to exactly 256 (OpenCV's <c>getGaussianKernelFixedPoint_ED</c>).
    /// </summary>
    public static ushort[] Fixed8(int n, double sigma)
    {
        var k = Double(n, sigma);
        var result = new ushort[n];
        int half = n / 2;
        double err = 0;
        long sum = 0;
        for (int i = 0; i < half; i++)
        {
            double adj = k[i] * 256.0 + err;
            long v = (long)Math.Round(adj, MidpointRounding.ToEven);
            err = adj - v;
            result[i] = (ushort)v;
            result[n - 1 - i] = (ushort)v;
            sum += v;
        }
        result[half] = (ushort)(256 - 2 * sum);
        return result;
    }

    /// <summary>Resolves OpenCV's defaults: sigmaY = sigmaX when ≤ 0, kernel size from sigma when ≤ 0.</summary>
    public static void Resolve(ref int ksizeX, ref int ksizeY, ref double sigmaX, ref double sigmaY, bool eightBit)
    {
        if (sigmaY <= 0) sigmaY = sigmaX;
        int mult = eightBit ? 3 : 4;
        if (ksizeX <= 0 && sigmaX > 0) ksizeX = (int)Math.Round(sigmaX * mult * 2 + 1, MidpointRounding.ToEven) | 1;
        if (ksizeY <= 0 && sigmaY > 0) ksizeY = (int)Math.Round(sigmaY * mult * 2 + 1, MidpointRounding.ToEven) | 1;
        if (ksizeX <= 0 || (ksizeX & 1) == 0)
            throw new ArgumentException($"Kernel width must be a positive odd number (or ≤ 0 with sigmaX > 0), got {ksizeX}.", nameof(ksizeX));
        if (ksizeY <= 0 || (ksizeY & 1) == 0)
            throw new ArgumentException($"Kernel height must be a positive odd number (or ≤ 0 with sigma > 0), got {ksizeY}.", nameof(ksizeY));
        sigmaX = Math.Max(sigmaX, 0);
        sigmaY = Math.Max(sigmaY, 0);
    }
}
