using SegmentSharp.Filters;
using SegmentSharp.Imaging;
using SegmentSharp.Morphology;
using M = SegmentSharp.Morphology.Morphology;

namespace SegmentSharp.Tests.Morphology;

public unsafe class MorphologyTwinTests
{
    private static readonly int[] Lengths = [0, 1, 15, 16, 17, 31, 32, 33, 63, 64, 65, 3 * 32 + 5, 3 * 16 + 5, 200];

    [Fact]
    public void VectorKernelsEqualScalarTwins()
    {
        var rng = new Random(1);
        foreach (int n in Lengths)
        {
            var a = new byte[n + 1]; var b = new byte[n + 1]; var c = new byte[n + 1];
            rng.NextBytes(a); rng.NextBytes(b); rng.NextBytes(c);
            var v = new byte[n + 1]; var s = new byte[n + 1];
            fixed (byte* pa = a) fixed (byte* pb = b) fixed (byte* pc = c) fixed (byte* pv = v) fixed (byte* ps = s)
            {
                MinMaxRows.Op2<MinOp>(pa, pb, pv, n, true);
                MinMaxRows.Op2<MinOp>(pa, pb, ps, n, false);
                Assert.Equal(s, v);
                for (int i = 0; i < n; i++) Assert.Equal(Math.Min(a[i], b[i]), s[i]);
                MinMaxRows.Op2<MaxOp>(pa, pb, pv, n, true);
                MinMaxRows.Op2<MaxOp>(pa, pb, ps, n, false);
                Assert.Equal(s, v);
                MinMaxRows.Op3<MaxOp>(pc, pa, pb, pv, n, true);
                MinMaxRows.Op3<MaxOp>(pc, pa, pb, ps, n, false);
                Assert.Equal(s, v);
                for (int i = 0; i < n; i++) Assert.Equal(Math.Max(c[i], Math.Max(a[i], b[i])), s[i]);
                MinMaxRows.Op3<MinOp>(pc, pa, pb, pv, n, true);
                MinMaxRows.Op3<MinOp>(pc, pa, pb, ps, n, false);
                Assert.Equal(s, v);
            }
        }
    }

    [Fact]
    public void OpManyEqualsScalarTwinAndDefinition()
    {
        var rng = new Random(6);
        byte** ptrs = stackalloc byte*[9];
        foreach (int n in Lengths)
            foreach (int count in new[] { 1, 2, 5, 9 })
            {
                var rows = new byte[count][];
                for (int k = 0; k < count; k++) { rows[k] = new byte[n + 1]; rng.NextBytes(rows[k]); }
                var v = new byte[n + 1]; var s = new byte[n + 1];
                var handles = rows.Select(r => System.Runtime.InteropServices.GCHandle.Alloc(r, System.Runtime.InteropServices.GCHandleType.Pinned)).ToArray();
                try
                {
                    for (int k = 0; k < count; k++) ptrs[k] = (byte*)handles[k].AddrOfPinnedObject();
                    fixed (byte* pv = v) fixed (byte* ps = s)
                    {
                        MinMaxRows.OpMany<MinOp>(ptrs, count, pv, n, true);
                        MinMaxRows.OpMany<MinOp>(ptrs, count, ps, n, false);
                        Assert.Equal(s, v);
                        for (int i = 0; i < n; i++) Assert.Equal(rows.Min(r => r[i]), s[i]);
                        MinMaxRows.OpMany<MaxOp>(ptrs, count, pv, n, true);
                        MinMaxRows.OpMany<MaxOp>(ptrs, count, ps, n, false);
                        Assert.Equal(s, v);
                        for (int i = 0; i < n; i++) Assert.Equal(rows.Max(r => r[i]), s[i]);
                    }
                }
                finally
                {
                    foreach (var h in handles) h.Free();
                }
            }
    }

    [Fact]
    public void VanHerkEqualsNaiveWindows()
    {
        var rng = new Random(2);
        foreach (int k in new[] { 1, 2, 3, 7, 64, 65, 100 })
            foreach (int outCount in new[] { 1, 2, 5, 64, 99 })
                foreach (int step in new[] { 1, 3, 4 })
                {
                    int n = (outCount + k - 1) * step;
                    var s = new byte[n]; rng.NextBytes(s);
                    var d = new byte[outCount * step];
                    var g = new byte[outCount + k]; var h = new byte[outCount + k];
                    fixed (byte* ps = s) fixed (byte* pd = d) fixed (byte* pg = g) fixed (byte* ph = h)
                        MinMaxRows.VanHerk<MinOp>(ps, pd, outCount, step, k, pg, ph);
                    for (int x = 0; x < outCount; x++)
                        for (int c = 0; c < step; c++)
                        {
                            byte m = 255;
                            for (int i = 0; i < k; i++) m = Math.Min(m, s[(x + i) * step + c]);
                            Assert.Equal(m, d[x * step + c]);
                        }
                }
    }

    [Fact]
    public void WholeOperationsVectorEqualsScalar()
    {
        var rng = new Random(3);
        foreach (var (w, h) in new[] { (1, 1), (31, 7), (32, 9), (33, 5), (101, 13), (7, 40) })
            foreach (int cn in new[] { 1, 3, 4 })
            {
                var img = new Image<byte>(w, h, cn);
                rng.NextBytes(img.Data);
                foreach (var el in new[] { StructuringElement.Rectangle(5, 3), StructuringElement.Ellipse(7, 7), StructuringElement.Cross(3, 5),
                             StructuringElement.Rectangle(70, 2), MorphTestData.RandomElement(6, 5, w + h) })
                    foreach (MorphOperation op in new[] { MorphOperation.Erode, MorphOperation.Dilate, MorphOperation.Open, MorphOperation.Gradient })
                    {
                        var v = img.CloneEmpty(); var s = img.CloneEmpty();
                        M.ApplyCore(op, img.ReadOnlyView, v.View, el, -1, -1, 2, BorderType.Reflect101, null, true);
                        M.ApplyCore(op, img.ReadOnlyView, s.View, el, -1, -1, 2, BorderType.Reflect101, null, false);
                        Assert.Equal(s.Data, v.Data);
                    }
            }
    }

    [Fact]
    public void EqualsBruteForceDefinition()
    {
        var rng = new Random(4);
        var borders = new[] { BorderType.Constant, BorderType.Replicate, BorderType.Reflect, BorderType.Reflect101 };
        for (int t = 0; t < 150; t++)
        {
            int w = rng.Next(1, 40), h = rng.Next(1, 30), cn = rng.Next(1, 5);
            int kw = rng.Next(1, 9), kh = rng.Next(1, 9);
            var el = rng.Next(3) == 0 ? StructuringElement.Rectangle(kw, kh) : MorphTestData.RandomElement(kw, kh, t);
            if (el.Width * el.Height == 1) continue;
            int ax = rng.Next(kw), ay = rng.Next(kh);
            var border = borders[rng.Next(4)];
            double? bv = rng.Next(2) == 0 ? null : rng.Next(256);
            var img = new Image<byte>(w, h, cn);
            rng.NextBytes(img.Data);
            var ours = img.CloneEmpty();
            bool erode = rng.Next(2) == 0;
            if (erode) M.Erode(img.ReadOnlyView, ours.View, el, ax, ay, 1, border, bv);
            else M.Dilate(img.ReadOnlyView, ours.View, el, ax, ay, 1, border, bv);
            var expected = MorphTestData.BruteForce(img, el, ax, ay, erode, border, bv);
            Assert.True(expected.Data.AsSpan().SequenceEqual(ours.Data), $"case {t}: {w}x{h}x{cn} el {kw}x{kh} a=({ax},{ay}) {border} bv={bv} erode={erode}");
        }
    }
}

internal static class MorphTestData
{
    public static StructuringElement RandomElement(int w, int h, int seed)
    {
        var rng = new Random(seed);
        var m = new byte[w * h];
        for (int i = 0; i < m.Length; i++) m[i] = (byte)rng.Next(2);
        m[rng.Next(m.Length)] = 1;
        return StructuringElement.FromMask(m, w, h);
    }

    /// <summary>The textbook definition, pixel by pixel: min/max over the element's cells offset by the anchor.</summary>
    public static Image<byte> BruteForce(Image<byte> src, StructuringElement el, int ax, int ay, bool erode, BorderType border, double? bv)
    {
        byte constant = bv is double v ? (byte)v : erode ? (byte)255 : (byte)0;
        var dst = src.CloneEmpty();
        int cn = src.Channels;
        for (int y = 0; y < src.Height; y++)
            for (int x = 0; x < src.Width; x++)
                for (int c = 0; c < cn; c++)
                {
                    int acc = erode ? 255 : 0;
                    for (int i = 0; i < el.Height; i++)
                        for (int j = 0; j < el.Width; j++)
                        {
                            if (!el[j, i]) continue;
                            int sy = Map(y + i - ay, src.Height, border), sx = Map(x + j - ax, src.Width, border);
                            int s = sy < 0 || sx < 0 ? constant : src.Data[sy * src.Stride + sx * cn + c];
                            acc = erode ? Math.Min(acc, s) : Math.Max(acc, s);
                        }
                    dst.Data[y * dst.Stride + x * cn + c] = (byte)acc;
                }
        return dst;
    }

    private static int Map(int p, int len, BorderType border)
    {
        if (p >= 0 && p < len) return p;
        if (border == BorderType.Constant) return -1;
        if (border == BorderType.Replicate) return p < 0 ? 0 : len - 1;
        if (len == 1) return 0;
        int d = border == BorderType.Reflect101 ? 1 : 0;
        while (p < 0 || p >= len) p = p < 0 ? -p - 1 + d : 2 * len - 1 - p - d;
        return p;
    }
}
