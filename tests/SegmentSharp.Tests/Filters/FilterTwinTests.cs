using SegmentSharp.Filters;
using SegmentSharp.Thresholding;

namespace SegmentSharp.Tests.Filters;

/// <summary>Vector kernels against their scalar twins, at lengths around the vector widths.</summary>
public unsafe class FilterTwinTests
{
    public static readonly int[] Lengths = [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 3 * 32 + 5, 200];

    [Fact]
    public void Fixed8HorizontalAndVerticalMatchScalar()
    {
        var rng = new Random(1);
        foreach (int n in new[] { 3, 5, 9, 31 })
        {
            var k = GaussianKernel.Fixed8(n, n == 31 ? 4.0 : 0);
            foreach (int len in Lengths)
            {
                var ext = new byte[len + n + 64];
                rng.NextBytes(ext);
                var a = new ushort[len + 32]; var b = new ushort[len + 32];
                fixed (byte* pe = ext) fixed (ushort* pa = a) fixed (ushort* pb = b)
                {
                    SeparableFixed8.Horizontal(pe, pa, len, 1, k);
                    SeparableFixed8.HorizontalScalar(pe, pb, 0, len, 1, k);
                }
                Assert.Equal(b, a);

                var rows = new ushort[n][];
                for (int t = 0; t < n; t++) { rows[t] = new ushort[len + 32]; for (int i = 0; i < len; i++) rows[t][i] = (ushort)rng.Next(0, 65281); }
                var va = new byte[len + 16]; var vb = new byte[len + 16];
                var handles = rows.Select(r => System.Runtime.InteropServices.GCHandle.Alloc(r, System.Runtime.InteropServices.GCHandleType.Pinned)).ToArray();
                try
                {
                    var ptrs = handles.Select(h => h.AddrOfPinnedObject()).ToArray();
                    fixed (nint* pp = ptrs) fixed (byte* pva = va) fixed (byte* pvb = vb)
                    {
                        SeparableFixed8.Vertical((ushort**)pp, pva, len, k);
                        SeparableFixed8.VerticalScalar((ushort**)pp, pvb, 0, len, k);
                        Assert.Equal(vb, va);
                        if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
                        {
                            int done = SeparableFixed8.VerticalVector((ushort**)pp, pva, len, k);
                            SeparableFixed8.VerticalScalar((ushort**)pp, pva, done, len, k);
                            Assert.Equal(vb, va);
                        }
                    }
                }
                finally { foreach (var h in handles) h.Free(); }
            }
        }
    }

    [Fact]
    public void BoxSumsAndNormalizerMatchScalar()
    {
        var rng = new Random(2);
        foreach (int kw in new[] { 1, 2, 3, 8, 9, 16, 17, 40, 255 })
            foreach (int cn in new[] { 1, 3 })
                foreach (int len0 in Lengths)
                {
                    int len = len0 * cn;
                    var ext = new int[len + kw * cn + 16];
                    for (int i = 0; i < ext.Length; i++) ext[i] = rng.Next(0, 255 * 300);
                    var a = new int[len + 16]; var b = new int[len + 16]; var prefix = new int[ext.Length + 16];
                    fixed (int* pe = ext) fixed (int* pa = a) fixed (int* pb = b) fixed (int* pp = prefix)
                    {
                        BoxSums.HorizontalWindow(pe, pa, len, cn, kw, pp);
                        BoxSums.HorizontalWindowScalar(pe, pb, len, cn, kw);
                    }
                    Assert.Equal(b, a);
                    for (int i = 0; i < len; i++)
                    {
                        int expected = 0;
                        for (int k = 0; k < kw; k++) expected += ext[i + k * cn];
                        Assert.Equal(expected, a[i]);
                    }
                }
        foreach (int area in new[] { 1, 2, 9, 255, 256, 257, 961, 65025 })
            foreach (bool mean in new[] { true, false })
                foreach (int len in Lengths)
                {
                    var sums = new int[len + 16];
                    for (int i = 0; i < len; i++) sums[i] = rng.Next(0, 255 * area + 1);
                    var norm = new BoxSums.Normalizer(area, mean);
                    var a = new byte[len + 16]; var b = new byte[len + 16];
                    fixed (int* ps = sums) fixed (byte* pa = a) fixed (byte* pb = b)
                    {
                        norm.Store(ps, pa, len);
                        norm.StoreScalar(ps, pb, 0, len);
                    }
                    Assert.Equal(b, a);
                    // The fused short-window path: window of 1 over the same sums must give the same bytes.
                    var c = new byte[len + 16];
                    fixed (int* ps = sums) fixed (byte* pc = c) norm.StoreShortWindow(ps, pc, len, 1, 1);
                    Assert.Equal(b, c);
                }
    }

    [Fact]
    public void FloatGaussianRowAndColumnMatchScalar()
    {
        var rng = new Random(3);
        foreach (int n in new[] { 1, 3, 5, 7, 11, 31 })
        {
            var k = GaussianKernel.Float(n, 0);
            foreach (int len in Lengths)
            {
                var ext = new float[len + n + 16];
                for (int i = 0; i < ext.Length; i++) ext[i] = rng.Next(256);
                var a = new float[len + 16]; var b = new float[len + 16];
                fixed (float* pe = ext) fixed (float* pa = a) fixed (float* pb = b)
                {
                    GaussianFloatRows.Row(pe, pa, len, k);
                    GaussianFloatRows.RowScalar(pe, pb, 0, len, k);
                }
                Assert.Equal(b.Select(BitConverter.SingleToInt32Bits), a.Select(BitConverter.SingleToInt32Bits));

                var rows = new float[n][];
                for (int t = 0; t < n; t++) { rows[t] = new float[len + 16]; for (int i = 0; i < len; i++) rows[t][i] = (float)(rng.NextDouble() * 255); }
                var ca = new float[len + 16]; var cb = new float[len + 16];
                var handles = rows.Select(r => System.Runtime.InteropServices.GCHandle.Alloc(r, System.Runtime.InteropServices.GCHandleType.Pinned)).ToArray();
                try
                {
                    var ptrs = handles.Select(h => h.AddrOfPinnedObject()).ToArray();
                    fixed (nint* pp = ptrs) fixed (float* pca = ca) fixed (float* pcb = cb)
                    {
                        GaussianFloatRows.Column((float**)pp, pca, len, k);
                        GaussianFloatRows.ColumnScalar((float**)pp, pcb, 0, len, k);
                    }
                }
                finally { foreach (var h in handles) h.Free(); }
                Assert.Equal(cb.Select(BitConverter.SingleToInt32Bits), ca.Select(BitConverter.SingleToInt32Bits));
            }
        }
    }

    [Fact]
    public void AdaptiveCompareMatchesScalar()
    {
        var rng = new Random(4);
        foreach (int len in Lengths)
            foreach (int idelta in new[] { -400, -256, -5, 0, 1, 7, 255, 256, 400 })
                foreach (bool inverse in new[] { false, true })
                {
                    var s = new byte[len + 32]; var m = new byte[len + 32];
                    rng.NextBytes(s); rng.NextBytes(m);
                    var a = new byte[len + 32]; var b = new byte[len + 32];
                    fixed (byte* ps = s) fixed (byte* pm = m) fixed (byte* pa = a) fixed (byte* pb = b)
                    {
                        AdaptiveThresholdCore.Compare(ps, pm, pa, len, idelta, 200, inverse);
                        AdaptiveThresholdCore.CompareScalar(ps, pm, pb, 0, len, idelta, 200, inverse);
                    }
                    Assert.Equal(b, a);
                }
    }
}
