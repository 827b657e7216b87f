using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// e^x for |x| ≤ 700 in vector lanes, to about 1e-14 relative: x = k·ln 2 + r with |r| ≤ ln 2 / 2, e^r by its Taylor
/// series to degree 11 (Estrin's evaluation order), and 2^k written straight into the exponent bits. Phansalkar's e^(−q·m) feeds a threshold that
/// the mask kernel only trusts to a 1e-9 margin (lanes closer to T are recomputed with <see cref="Math.Exp"/>), so this
/// accuracy is ample and much cheaper than a correctly rounded exponential.
/// </summary>
internal static class ExpKernel
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2Hi = 0.693147180369123816490;    // ln 2 split so that k·Ln2Hi is exact for |k| < 2^20
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Shifter = 6755399441055744.0;        // 1.5·2^52: adding it leaves round(t) in the low bits

    /// <summary>The largest |x| the kernel accepts.</summary>
    public const double Limit = 700;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        var t = Vector256.FusedMultiplyAdd(x, Vector256.Create(Log2E), Vector256.Create(Shifter));
        var k = t - Vector256.Create(Shifter);
        var r = Vector256.FusedMultiplyAdd(-k, Vector256.Create(Ln2Lo), Vector256.FusedMultiplyAdd(-k, Vector256.Create(Ln2Hi), x));
        // Estrin's scheme: the same degree-11 polynomial in a dependency chain of depth 5 instead of Horner's 11.
        var r2 = r * r;
        var r4 = r2 * r2;
        var p01 = r + Vector256<double>.One;
        var p23 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 6), Vector256.Create(0.5));
        var p45 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 120), Vector256.Create(1.0 / 24));
        var p67 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 5040), Vector256.Create(1.0 / 720));
        var p89 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 362880), Vector256.Create(1.0 / 40320));
        var pab = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 39916800), Vector256.Create(1.0 / 3628800));
        var q0 = Vector256.FusedMultiplyAdd(p23, r2, p01);
        var q1 = Vector256.FusedMultiplyAdd(p67, r2, p45);
        var q2 = Vector256.FusedMultiplyAdd(pab, r2, p89);
        var p = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(q2, r4, q1), r4, q0);
        var scale = Vector256.ShiftLeft(t.AsUInt64() + Vector256.Create(1023UL), 52).AsDouble();
        return p * scale;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x)
    {
        var t = Vector512.FusedMultiplyAdd(x, Vector512.Create(Log2E), Vector512.Create(Shifter));
        var k = t - Vector512.Create(Shifter);
        var r = Vector512.FusedMultiplyAdd(-k, Vector512.Create(Ln2Lo), Vector512.FusedMultiplyAdd(-k, Vector512.Create(Ln2Hi), x));
        // Estrin's scheme: the same degree-11 polynomial in a dependency chain of depth 5 instead of Horner's 11.
        var r2 = r * r;
        var r4 = r2 * r2;
        var p01 = r + Vector512<double>.One;
        var p23 = Vector512.FusedMultiplyAdd(r, Vector512.Create(1.0 / 6), Vector512.Create(0.5));
        var p45 = Vector512.FusedMultiplyAdd(r, Vector512.Create(1.0 / 120), Vector512.Create(1.0 / 24));
        var p67 = Vector512.FusedMultiplyAdd(r, Vector512.Create(1.0 / 5040), Vector512.Create(1.0 / 720));
        var p89 = Vector512.FusedMultiplyAdd(r, Vector512.Create(1.0 / 362880), Vector512.Create(1.0 / 40320));
        var pab = Vector512.FusedMultiplyAdd(r, Vector512.Create(1.0 / 39916800), Vector512.Create(1.0 / 3628800));
        var q0 = Vector512.FusedMultiplyAdd(p23, r2, p01);
        var q1 = Vector512.FusedMultiplyAdd(p67, r2, p45);
        var q2 = Vector512.FusedMultiplyAdd(pab, r2, p89);
        var p = Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(q2, r4, q1), r4, q0);
        var scale = Vector512.ShiftLeft(t.AsUInt64() + Vector512.Create(1023UL), 52).AsDouble();
        return p * scale;
    }
}
