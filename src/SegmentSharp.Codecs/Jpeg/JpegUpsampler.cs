using SegmentSharp.Imaging;
namespace SegmentSharp.Codecs;

/// <summary>
/// Brings a subsampled component to full resolution the way libjpeg-turbo does with its default
/// <c>do_fancy_upsampling</c>: triangle ("fancy") interpolation for 2:1 horizontal (h2v1), 1:2 vertical (h1v2) and
/// 2:2 (h2v2) ratios — weights 3/4 and 1/4 with alternating rounding biases — and plain replication for every other
/// integer ratio and for components two samples wide or less. Rows above the first and below the last real row
/// repeat the edge row, as libjpeg's context-row buffering does.
/// </summary>
internal static class JpegUpsampler
{
    /// <summary>True when the component is already at full resolution (its plane can be used as is).</summary>
    internal static bool IsFullSize(JpegComponent c, int maxH, int maxV) => c.H == maxH && c.V == maxV;

    /// <summary>Length of a row buffer that <see cref="Row"/> may write (≥ image width).</summary>
    internal static int RowLength(JpegComponent c, int maxH) => c.DownW * (maxH / c.H);

    /// <summary>Returns the component at full size: (samples, stride), at least width × height.</summary>
    internal static (byte[] Data, int Stride) Upsample(JpegComponent c, int width, int height, int maxH, int maxV)
    {
        if (IsFullSize(c, maxH, maxV)) return (c.Plane!, c.PlaneStride);
        int stride = RowLength(c, maxH);
        var dst = GC.AllocateUninitializedArray<byte>(checked(stride * height));
        // Output rows are independent (each reads at most two input rows), so bands run in parallel.
        Parallelism.ForBands(height, stride * 2L, (y0, y1) =>
        {
            var sums = new int[c.DownW];
            for (int y = y0; y < y1; y++) Row(c, maxH, maxV, y, dst.AsSpan(y * stride, stride), sums);
        });
        return (dst, stride);
    }

    /// <summary>Writes full-resolution row <paramref name="y"/> of the component into <paramref name="o"/>
    /// (<see cref="RowLength"/> samples); <paramref name="sums"/> is scratch of DownW ints.</summary>
    internal static void Row(JpegComponent c, int maxH, int maxV, int y, Span<byte> o, Span<int> sums)
    {
        byte[] src = c.Plane!;
        int ss = c.PlaneStride, dw = c.DownW, dh = c.DownH;
        int hf = maxH / c.H, vf = maxV / c.V;
        if (hf == 1 && vf == 1)
        {
            src.AsSpan(y * ss, dw).CopyTo(o);
        }
        else if (hf == 2 && vf == 1 && dw > 2)
        {
            H2V1Row(src.AsSpan(y * ss, dw), o);
        }
        else if (hf == 1 && vf == 2)
        {
            int i = y >> 1;
            bool upper = (y & 1) == 0;
            int nb = upper ? Math.Max(i - 1, 0) : Math.Min(i + 1, dh - 1);
            var near = src.AsSpan(i * ss, dw);
            var far = src.AsSpan(nb * ss, dw);
            int bias = upper ? 1 : 2;
            for (int x = 0; x < dw; x++) o[x] = (byte)((near[x] * 3 + far[x] + bias) >> 2);
        }
        else if (hf == 2 && vf == 2 && dw > 2)
        {
            int i = y >> 1;
            int nb = (y & 1) == 0 ? Math.Max(i - 1, 0) : Math.Min(i + 1, dh - 1);
            var near = src.AsSpan(i * ss, dw);
            var far = src.AsSpan(nb * ss, dw);
            sums = sums[..dw];
            for (int x = 0; x < sums.Length; x++) sums[x] = near[x] * 3 + far[x];
            H2V2Row(sums, o);
        }
        else
        {
            var s = src.AsSpan((y / vf) * ss, dw);
            for (int x = 0; x < dw; x++) o.Slice(x * hf, hf).Fill(s[x]);
        }
    }

    private static void H2V1Row(ReadOnlySpan<byte> s, Span<byte> o)
    {
        int last = s.Length - 1;
        o = o[..(2 * s.Length)];
        o[0] = s[0];
        o[1] = (byte)((s[0] * 3 + s[1] + 2) >> 2);
        for (int x = 1; x < last; x++)
        {
            int t = s[x] * 3;
            o[2 * x] = (byte)((t + s[x - 1] + 1) >> 2);
            o[2 * x + 1] = (byte)((t + s[x + 1] + 2) >> 2);
        }
        o[2 * last] = (byte)((s[last] * 3 + s[last - 1] + 1) >> 2);
        o[2 * last + 1] = s[last];
    }

    private static void H2V2Row(ReadOnlySpan<int> c, Span<byte> o)
    {
        int last = c.Length - 1;
        o = o[..(2 * c.Length)];
        o[0] = (byte)((c[0] * 4 + 8) >> 4);
        o[1] = (byte)((c[0] * 3 + c[1] + 7) >> 4);
        for (int x = 1; x < last; x++)
        {
            int t = c[x] * 3;
            o[2 * x] = (byte)((t + c[x - 1] + 8) >> 4);
            o[2 * x + 1] = (byte)((t + c[x + 1] + 7) >> 4);
        }
        o[2 * last] = (byte)((c[last] * 3 + c[last - 1] + 8) >> 4);
        o[2 * last + 1] = (byte)((c[last] * 4 + 7) >> 4);
    }
}
