using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SegmentSharp.Thresholding.Local;

/// <summary>A window min/max rule that the fused mask kernel decides in 16-bit integer lanes.</summary>
internal interface IRangeRule : ILocalRule
{
    /// <summary>All-ones lanes where <c>pixel &gt; T(min, max)</c>; the lanes hold values 0…255.</summary>
    Vector256<short> Decide(Vector256<short> p, Vector256<short> lo, Vector256<short> hi);
    /// <summary>T as the threshold surface reports it (the reference of the decision).</summary>
    double T(int lo, int hi);
}

/// <summary>
/// The fused window-extrema → mask kernel for one row: the window extrema of x are the two runs of
/// <see cref="RangeRows"/> at x and x + w − Run, and the rule's integer form of <c>pixel &gt; T</c> decides 32 pixels
/// per step. <see cref="RowScalar"/> (the reference and the tail) compares against the double T instead.
/// </summary>
internal static unsafe class RangeKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Row<TRule>(in TRule ruleRef, byte* runMin, byte* runMax, int offset, byte* src, int w, byte* dst)
        where TRule : struct, IRangeRule
    {
        TRule rule = ruleRef;   // a local copy keeps the rule's constants out of memory the stores might alias
        int x = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; x <= w - 32; x += 32)
            {
                var lo = Vector256.Min(Vector256.Load(runMin + x), Vector256.Load(runMin + x + offset));
                var hi = Vector256.Max(Vector256.Load(runMax + x), Vector256.Load(runMax + x + offset));
                var p = Vector256.Load(src + x);
                var (p0, p1) = Vector256.Widen(p);
                var (l0, l1) = Vector256.Widen(lo);
                var (h0, h1) = Vector256.Widen(hi);
                var d0 = rule.Decide(p0.AsInt16(), l0.AsInt16(), h0.AsInt16());
                var d1 = rule.Decide(p1.AsInt16(), l1.AsInt16(), h1.AsInt16());
                Vector256.Narrow(d0.AsUInt16(), d1.AsUInt16()).Store(dst + x);
            }
        }
        RowScalar(rule, runMin + x, runMax + x, offset, src + x, w - x, dst + x);
    }

    /// <summary>The scalar twin: <c>pixel &gt; T(min, max)</c> with the rule's double T.</summary>
    public static void RowScalar<TRule>(in TRule rule, byte* runMin, byte* runMax, int offset, byte* src, int w, byte* dst)
        where TRule : struct, IRangeRule
    {
        for (int x = 0; x < w; x++)
        {
            int lo = Math.Min(runMin[x], runMin[x + offset]), hi = Math.Max(runMax[x], runMax[x + offset]);
            dst[x] = src[x] > rule.T(lo, hi) ? (byte)255 : (byte)0;
        }
    }
}
