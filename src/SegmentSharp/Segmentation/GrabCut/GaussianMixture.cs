using System.Runtime.CompilerServices;

namespace SegmentSharp.Segmentation;

/// <summary>
/// A 5-component Gaussian mixture over BGR colours stored in OpenCV's GrabCut model layout: 65 doubles, the 5 weights,
/// then the 5 means (3 each), then the 5 covariances (9 each, row-major). The arithmetic follows OpenCV's
/// <c>GMM</c> class in grabcut.cpp operation for operation, so a model learned here equals <c>cv2.grabCut</c>'s.
/// </summary>
internal sealed class GaussianMixture
{
    public const int Components = 5, ModelLength = 13 * Components;
    private const int MeanAt = Components, CovAt = MeanAt + 3 * Components;
    // C++'s numeric_limits<double>::epsilon(), not .NET's double.Epsilon (the smallest subnormal).
    private const double DoubleEpsilon = 2.220446049250313e-16;

    private readonly double[] _model;
    // Per component: the inverse covariance (row-major) and 1/sqrt(determinant).
    private readonly double[] _inverse = new double[9 * Components];
    private readonly double[] _norm = new double[Components];
    private readonly long[] _sums = new long[3 * Components], _prods = new long[9 * Components];
    private readonly long[] _counts = new long[Components];

    /// <summary>Wraps <paramref name="model"/> (65 doubles, changed in place by learning).</summary>
    public GaussianMixture(double[] model)
    {
        if (model.Length != ModelLength) throw new ArgumentException($"A GrabCut model holds {ModelLength} doubles, not {model.Length}.", nameof(model));
        _model = model;
        for (int ci = 0; ci < Components; ci++)
            if (model[ci] > 0) Invert(ci, 0.0);
    }

    public double[] Model => _model;

    /// <summary>The density of component <paramref name="ci"/> without its weight (0 for an unused component).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Component(int ci, double b, double g, double r)
    {
        if (!(_model[ci] > 0)) return 0;
        double d0 = b - _model[MeanAt + 3 * ci], d1 = g - _model[MeanAt + 3 * ci + 1], d2 = r - _model[MeanAt + 3 * ci + 2];
        var ic = _inverse.AsSpan(9 * ci, 9);
        // Columns of the inverse, in OpenCV's order of operations.
        double mult = d0 * (d0 * ic[0] + d1 * ic[3] + d2 * ic[6])
                    + d1 * (d0 * ic[1] + d1 * ic[4] + d2 * ic[7])
                    + d2 * (d0 * ic[2] + d1 * ic[5] + d2 * ic[8]);
        return _norm[ci] * Math.Exp(-0.5 * mult);
    }

    /// <summary>The mixture density at a colour.</summary>
    public double Density(double b, double g, double r)
    {
        double res = 0;
        for (int ci = 0; ci < Components; ci++) res += _model[ci] * Component(ci, b, g, r);
        return res;
    }

    /// <summary>The most likely component (the first one on ties; 0 when every density is 0).</summary>
    public int MostLikely(double b, double g, double r)
    {
        int k = 0;
        double max = 0;
        for (int ci = 0; ci < Components; ci++)
        {
            double p = Component(ci, b, g, r);
            if (p > max) { k = ci; max = p; }
        }
        return k;
    }

    public void BeginLearning()
    {
        Array.Clear(_sums);
        Array.Clear(_prods);
        Array.Clear(_counts);
    }

    // Integer sums are exact, so the order pixels are added in does not change the model.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int ci, int b, int g, int r)
    {
        _sums[3 * ci] += b; _sums[3 * ci + 1] += g; _sums[3 * ci + 2] += r;
        int p = 9 * ci;
        _prods[p] += b * b; _prods[p + 1] += b * g; _prods[p + 2] += b * r;
        _prods[p + 3] += g * b; _prods[p + 4] += g * g; _prods[p + 5] += g * r;
        _prods[p + 6] += r * b; _prods[p + 7] += r * g; _prods[p + 8] += r * r;
        _counts[ci]++;
    }

    public void EndLearning()
    {
        long total = 0;
        foreach (long c in _counts) total += c;
        for (int ci = 0; ci < Components; ci++)
        {
            long n = _counts[ci];
            if (n == 0) { _model[ci] = 0; continue; }
            double invN = 1.0 / n;
            _model[ci] = (double)n / total;
            int m = MeanAt + 3 * ci, c = CovAt + 9 * ci;
            for (int j = 0; j < 3; j++) _model[m + j] = _sums[3 * ci + j] * invN;
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                    _model[c + 3 * i + j] = _prods[9 * ci + 3 * i + j] * invN - _model[m + i] * _model[m + j];
            Invert(ci, 0.01);
        }
    }

    private static double Determinant(ReadOnlySpan<double> c)
        => c[0] * (c[4] * c[8] - c[5] * c[7]) - c[1] * (c[3] * c[8] - c[5] * c[6]) + c[2] * (c[3] * c[7] - c[4] * c[6]);

    private void Invert(int ci, double singularFix)
    {
        var c = _model.AsSpan(CovAt + 9 * ci, 9);
        double det = Determinant(c);
        if (det <= 1e-6 && singularFix > 0)
        {
            // A flat component (e.g. a single colour) gets white noise on the diagonal so it can be inverted.
            c[0] += singularFix; c[4] += singularFix; c[8] += singularFix;
            det = Determinant(c);
        }
        if (!(det > DoubleEpsilon))
            throw new ArgumentException($"GrabCut model component {ci} has a singular covariance (determinant {det}).");
        double inv = 1.0 / det;
        var ic = _inverse.AsSpan(9 * ci, 9);
        ic[0] = (c[4] * c[8] - c[5] * c[7]) * inv;
        ic[3] = -(c[3] * c[8] - c[5] * c[6]) * inv;
        ic[6] = (c[3] * c[7] - c[4] * c[6]) * inv;
        ic[1] = -(c[1] * c[8] - c[2] * c[7]) * inv;
        ic[4] = (c[0] * c[8] - c[2] * c[6]) * inv;
        ic[7] = -(c[0] * c[7] - c[1] * c[6]) * inv;
        ic[2] = (c[1] * c[5] - c[2] * c[4]) * inv;
        ic[5] = -(c[0] * c[5] - c[2] * c[3]) * inv;
        ic[8] = (c[0] * c[4] - c[1] * c[3]) * inv;
        _norm[ci] = 1.0 / Math.Sqrt(det);
    }
}
