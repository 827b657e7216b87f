using static SegmentSharp.Color.ColorConstants;

namespace SegmentSharp.Color;

/// <summary>
/// The natural cubic splines OpenCV's float Lab/Luv paths evaluate instead of pow and cbrt (<c>splineBuild</c> /
/// <c>splineInterpolate</c>): f(t) on [0, 1.5] in 1024 pieces, sRGB decoding and encoding on [0, 1] in 1024 pieces,
/// each built in single precision from the same knot values OpenCV computes.
/// </summary>
internal static class SplineTables
{
    internal const int Size = 1024;

    /// <summary>Knots per unit of t for <see cref="Cbrt"/>: 2048 / 3 in float.</summary>
    internal static readonly float CbrtScale = 2048f / 3f;
    internal const float GammaScale = Size;

    internal static readonly float[] Cbrt = Build(CbrtKnots());
    internal static readonly float[] Gamma = Build(GammaKnots(inverse: false));
    internal static readonly float[] InvGamma = Build(GammaKnots(inverse: true));

    private static float[] CbrtKnots()
    {
        var f = new float[Size + 1];
        float scale = 1f / CbrtScale;
        for (int i = 0; i <= Size; i++)
        {
            float x = scale * i;
            f[i] = x < LThresh ? MathF.FusedMultiplyAdd(x, LScale, LBias) : ColorConstants.Cbrt(x);
        }
        return f;
    }

    private static float[] GammaKnots(bool inverse)
    {
        var f = new float[Size + 1];
        float scale = 1f / GammaScale;
        for (int i = 0; i <= Size; i++) f[i] = inverse ? ApplyInvGamma(scale * i) : ApplyGamma(scale * i);
        return f;
    }

    /// <summary>Coefficients (a, b, c, d) per piece, solved with the tridiagonal sweep in float as OpenCV does.</summary>
    private static float[] Build(float[] f)
    {
        int n = f.Length - 1;
        var t = new float[n * 4];
        for (int i = 1; i < n; i++)
        {
            float rhs = (f[i + 1] - f[i] * 2f + f[i - 1]) * 3f;
            float l = 1f / (4f - t[(i - 1) * 4]);
            t[i * 4] = l;
            t[i * 4 + 1] = (rhs - t[(i - 1) * 4 + 1]) * l;
        }
        float cn = 0;
        for (int j = 0; j < n; j++)
        {
            int i = n - j - 1;
            float c = t[i * 4 + 1] - t[i * 4] * cn;
            float b = f[i + 1] - f[i] - (cn + c * 2f) / 3f;
            float d = (cn - c) / 3f;
            t[i * 4] = f[i]; t[i * 4 + 1] = b; t[i * 4 + 2] = c; t[i * 4 + 3] = d;
            cn = c;
        }
        return t;
    }

    /// <summary>The spline at x (in knot units), clamped to the table's pieces like OpenCV's <c>splineInterpolate</c>.</summary>
    internal static float Eval(float x, float[] tab)
    {
        int ix = Math.Min(Math.Max((int)x, 0), Size - 1);
        x -= ix;
        int k = ix * 4;
        return ((tab[k + 3] * x + tab[k + 2]) * x + tab[k + 1]) * x + tab[k];
    }

    /// <summary>
    /// The shared last step of the float Lab→ and Luv→RGB conversions: clamp to [0, 1], apply the sRGB curve when
    /// <paramref name="srgb"/>, and store (alpha 1 for four channels).
    /// </summary>
    internal static void StoreRgb(Span<float> dst, int o, float r, float g, float b, bool srgb, int dcn)
    {
        r = Math.Clamp(r, 0f, 1f); g = Math.Clamp(g, 0f, 1f); b = Math.Clamp(b, 0f, 1f);
        if (srgb)
        {
            r = Eval(r * GammaScale, InvGamma);
            g = Eval(g * GammaScale, InvGamma);
            b = Eval(b * GammaScale, InvGamma);
        }
        dst[o] = r; dst[o + 1] = g; dst[o + 2] = b;
        if (dcn == 4) dst[o + 3] = 1f;
    }
}
