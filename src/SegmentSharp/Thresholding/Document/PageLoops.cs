using System.Runtime.Intrinsics;

namespace SegmentSharp.Thresholding.Document;

/// <summary>
/// The whole-page loops of <see cref="DocumentBinarizer"/> between its stages, as vector loops over tight w×h byte
/// buffers, each with a scalar twin. All sums are integers, so the results do not depend on the loop order.
/// </summary>
internal static class PageLoops
{
    /// <summary>Where <paramref name="text"/> is <paramref name="undecided"/>, text = (wide == 1 ? 1 : 0).</summary>
    public static void Settle(Span<byte> text, ReadOnlySpan<byte> wide, byte undecided)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var u = Vector256.Create(undecided);
            var one = Vector256.Create((byte)1);
            for (; i <= text.Length - 32; i += 32)
            {
                var t = Vector256.Create((ReadOnlySpan<byte>)text.Slice(i, 32));
                var fill = Vector256.Equals(Vector256.Create(wide.Slice(i, 32)), one) & one;
                Vector256.ConditionalSelect(Vector256.Equals(t, u), fill, t).CopyTo(text.Slice(i, 32));
            }
        }
        SettleScalar(text[i..], wide[i..], undecided);
    }

    /// <summary>The scalar twin of <see cref="Settle"/>.</summary>
    public static void SettleScalar(Span<byte> text, ReadOnlySpan<byte> wide, byte undecided)
    {
        for (int i = 0; i < text.Length; i++)
            if (text[i] == undecided) text[i] = wide[i] == 1 ? (byte)1 : (byte)0;
    }

    /// <summary>
    /// Over text pixels (text ≠ 0): their count and Σ max(0, bg − img); over paper pixels: their count and
    /// Σ (bg − img)².
    /// </summary>
    public static (long Text, long Depth, long Paper, long SquaredDeparture) Depths(ReadOnlySpan<byte> text, ReadOnlySpan<byte> bg, ReadOnlySpan<byte> img)
    {
        long nt = 0, depth = 0, np = 0, sq = 0;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var zero = Vector256<int>.Zero;
            var aDepth = Vector256<long>.Zero; var aSq = Vector256<long>.Zero; var aText = Vector256<int>.Zero;
            for (; i <= text.Length - 8; i += 8)
            {
                var t = Widen(text.Slice(i, 8));
                var d = Widen(bg.Slice(i, 8)) - Widen(img.Slice(i, 8));
                var isText = ~Vector256.Equals(t, zero);
                aText -= isText;
                var (dl, dh) = Vector256.Widen(Vector256.Max(d, zero) & isText);
                aDepth += dl + dh;
                var (sl, sh) = Vector256.Widen(Vector256.AndNot(d * d, isText));
                aSq += sl + sh;
            }
            nt += Vector256.Sum(aText);
            depth = Vector256.Sum(aDepth);
            sq = Vector256.Sum(aSq);
            np = i - nt;
        }
        var (t2, d2, p2, s2) = DepthsScalar(text[i..], bg[i..], img[i..]);
        return (nt + t2, depth + d2, np + p2, sq + s2);
    }

    /// <summary>The scalar twin of <see cref="Depths"/>.</summary>
    public static (long Text, long Depth, long Paper, long SquaredDeparture) DepthsScalar(ReadOnlySpan<byte> text, ReadOnlySpan<byte> bg, ReadOnlySpan<byte> img)
    {
        long nt = 0, depth = 0, np = 0, sq = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int e = bg[i] - img[i];
            if (text[i] != 0) { nt++; depth += Math.Max(0, e); }
            else { np++; sq += e * e; }
        }
        return (nt, depth, np, sq);
    }

    /// <summary>Text pixels whose depth bg − img is at most <paramref name="maxDepth"/> become paper (0).</summary>
    public static void Veto(Span<byte> text, ReadOnlySpan<byte> bg, ReadOnlySpan<byte> img, int maxDepth)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var limit = Vector256.Create((short)Math.Clamp(maxDepth, -300, 300));
            for (; i <= text.Length - 16; i += 16)
            {
                var d = Widen16(bg.Slice(i, 16)) - Widen16(img.Slice(i, 16));
                var t = Vector128.Create((ReadOnlySpan<byte>)text.Slice(i, 16));
                var deep = ~Vector256.LessThanOrEqual(d, limit);
                var keep = Vector128.Narrow(deep.GetLower().AsUInt16(), deep.GetUpper().AsUInt16());
                (t & keep).CopyTo(text.Slice(i, 16));
            }
        }
        VetoScalar(text[i..], bg[i..], img[i..], maxDepth);
    }

    /// <summary>The scalar twin of <see cref="Veto"/>.</summary>
    public static void VetoScalar(Span<byte> text, ReadOnlySpan<byte> bg, ReadOnlySpan<byte> img, int maxDepth)
    {
        for (int i = 0; i < text.Length; i++)
            if (text[i] != 0 && bg[i] - img[i] <= maxDepth) text[i] = 0;
    }

    private static Vector256<int> Widen(ReadOnlySpan<byte> eight)
    {
        var b = Vector128.CreateScalar(BitConverter.ToUInt64(eight)).AsByte();
        return Vector256.WidenLower(Vector128.WidenLower(b).ToVector256()).AsInt32();
    }

    private static Vector256<short> Widen16(ReadOnlySpan<byte> sixteen) =>
        Vector256.WidenLower(Vector128.Create(sixteen).ToVector256()).AsInt16();
}
