using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SegmentSharp.Imaging;

namespace SegmentSharp.Filters;

/// <summary>Streaming box sums shared by <see cref="BoxFilter"/> and the adaptive mean threshold.</summary>
internal static unsafe class BoxSums
{
    public enum Mode { Mean, SaturatedSum }

    /// <summary>Receives one finished row of column sums (window sums) for output row <c>y</c>.</summary>
    public delegate void RowSink(int y, int* sums, int len);

    public static void Run(ReadOnlyImageView<byte> src, ImageView<byte> dst, int kw, int kh, Mode mode, BorderType border)
    {
        int w = src.Width, h = src.Height, cn = src.Channels;
        if (src.Data.Overlaps(dst.Data))
        {
            var copy = new Image<byte>(w, h, cn);
            GaussianBlur.Copy(src, copy.View);
            Run(copy.ReadOnlyView, dst, kw, kh, mode, border);
            return;
        }
        var norm = new Normalizer(kw * kh, mode == Mode.Mean);
        int ds = dst.Stride;
        fixed (byte* pd = dst.Data)
        {
            nint dp = (nint)pd;
            ForEachRow(src, kw, kh, border, (y, sums, len) => norm.Store(sums, (byte*)dp + (long)y * ds, len));
        }
    }

    /// <summary>Calls <paramref name="sink"/> with the window sums of every output row, in row order within each band.</summary>
    public static void ForEachRow(ReadOnlyImageView<byte> src, int kw, int kh, BorderType border, RowSink sink)
    {
        int w = src.Width, h = src.Height, cn = src.Channels, ss = src.Stride;
        fixed (byte* ps = src.Data)
        {
            nint sp = (nint)ps;
            Parallelism.ForBands(h, (long)w * cn * 4,
                (y0, y1) => Band((byte*)sp, ss, w, h, cn, kw, kh, border, y0, y1, sink));
        }
    }

    private static void Band(byte* src, int srcStride, int w, int h, int cn, int kw, int kh, BorderType border,
        int y0, int y1, RowSink sink)
    {
        int ax = kw / 2, ay = kh / 2;
        int len = w * cn;
        int extLen = (w + kw - 1) * cn;
        int pitch = len + 16;
        var extArr = ArrayPool<byte>.Shared.Rent(extLen + 64);
        var ringArr = ArrayPool<int>.Shared.Rent(pitch * kh);
        var sumArr = ArrayPool<int>.Shared.Rent(pitch);
        try
        {
            fixed (byte* ext = extArr)
            fixed (int* ring = ringArr)
            fixed (int* sum = sumArr)
            {
                int first = y0 - ay;
                new Span<int>(sum, len).Clear();
                // Prime with the first kh−1 rows of the first window.
                for (int j = first; j < first + kh - 1; j++)
                {
                    int* r = ring + (long)((j - first) % kh) * pitch;
                    RowSums(src, srcStride, w, h, cn, kw, ax, border, j, ext, r);
                    Add(sum, r, len);
                }
                for (int y = y0; y < y1; y++)
                {
                    int jIn = y - ay + kh - 1;
                    int* rin = ring + (long)((jIn - first) % kh) * pitch;
                    RowSums(src, srcStride, w, h, cn, kw, ax, border, jIn, ext, rin);
                    Add(sum, rin, len);
                    sink(y, sum, len);
                    int* rout = ring + (long)((y - ay - first) % kh) * pitch;
                    Sub(sum, rout, len);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(extArr);
            ArrayPool<int>.Shared.Return(ringArr);
            ArrayPool<int>.Shared.Return(sumArr);
        }
    }

    private static void RowSums(byte* src, int srcStride, int w, int h, int cn, int kw, int ax, BorderType border,
        int j, byte* ext, int* r)
    {
        int len = w * cn;
        int sy = BorderInterpolation.Map(j, h, border);
        if (sy < 0) { new Span<int>(r, len).Clear(); return; }
        byte* srow = src + (long)sy * srcStride;
        SeparableFixed8.FillExtended(srow, ext, w, cn, ax, kw - 1 - ax, border);
        HorizontalSums(ext, r, len, cn, kw);
    }

    /// <summary>r[i] = Σ_{k&lt;kw} ext[i + k·cn].</summary>
    internal static void HorizontalSums(byte* ext, int* r, int len, int cn, int kw)
    {
        if (kw <= 8 && Vector256.IsHardwareAccelerated)
        {
            int i = 0;
            for (; i <= len - 8; i += 8)
            {
                var s = LoadU8AsI32(ext + i);
                for (int k = 1; k < kw; k++)
                    s += LoadU8AsI32(ext + i + k * cn);
                s.Store(r + i);
            }
            for (; i < len; i++)
            {
                int s = 0;
                for (int k = 0; k < kw; k++) s += ext[i + k * cn];
                r[i] = s;
            }
            return;
        }
        HorizontalSumsScalar(ext, r, len, cn, kw);
    }

    /// <summary>Loads 8 bytes zero-extended to int lanes (reads 16 bytes without AVX2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<int> LoadU8AsI32(byte* p)
    {
        if (System.Runtime.Intrinsics.X86.Avx2.IsSupported) return System.Runtime.Intrinsics.X86.Avx2.ConvertToVector256Int32(p);
        var (lo, hi) = Vector128.Widen(Vector128.WidenLower(Vector128.Load(p)));
        return Vector256.Create(lo, hi).AsInt32();
    }

    internal static void HorizontalSumsScalar(byte* ext, int* r, int len, int cn, int kw)
    {
        if (len == 0) return;
        for (int c = 0; c < cn; c++)
        {
            int s = 0;
            for (int k = 0; k < kw; k++) s += ext[c + k * cn];
            r[c] = s;
        }
        for (int i = cn; i < len; i++)
        {
            r[i] = r[i - cn] + ext[i + (kw - 1) * cn] - ext[i - cn];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(int* sum, int* r, int len)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i <= len - 8; i += 8) (Vector256.Load(sum + i) + Vector256.Load(r + i)).Store(sum + i);
        for (; i < len; i++) sum[i] += r[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Sub(int* sum, int* r, int len)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i <= len - 8; i += 8) (Vector256.Load(sum + i) - Vector256.Load(r + i)).Store(sum + i);
        for (; i < len; i++) sum[i] -= r[i];
    }

    /// <summary>Turns window sums into 8-bit outputs with OpenCV's exact rounding for the window area.</summary>
    internal sealed class Normalizer
    {
        private const int Shift = 23;
        private readonly int _area;
        private readonly bool _mean;
        private readonly int _divScale, _divDelta;
        private readonly float _scaleF;
        private readonly double _scaleD;

        public Normalizer(int area, bool mean)
        {
            _area = area;
            _mean = mean && area != 1;
            _scaleD = 1.0 / area;
            _scaleF = (float)_scaleD;
            if (_mean && area <= 256)
            {
                // Reciprocal 2^23/d with the rounding offset OpenCV picks so that the truncating shift rounds.
                int d = area;
                double scalef = (double)(1 << Shift) / d;
                _divScale = (int)Math.Floor(scalef);
                scalef -= _divScale;
                _divDelta = d / 2;
                if (scalef < 0.5) _divDelta++;
                else _divScale++;
            }
        }

        public void Store(int* s, byte* d, int len)
        {
            int i = 0;
            if (Vector256.IsHardwareAccelerated) i = StoreVector(s, d, len);
            StoreScalar(s, d, i, len);
        }

        internal void StoreScalar(int* s, byte* d, int start, int len)
        {
            if (!_mean)
            {
                for (int i = start; i < len; i++) d[i] = (byte)Math.Min(s[i], 255);
            }
            else if (_area <= 256)
            {
                for (int i = start; i < len; i++) d[i] = (byte)((uint)(s[i] + _divDelta) * (uint)_divScale >> Shift);
            }
            else
            {
                // OpenCV's SIMD loops cover whole blocks of 8 samples in float32; only the tail uses double.
                int floatEnd = len & ~7;
                int i = start;
                for (; i < floatEnd; i++) d[i] = SatU8((int)MathF.Round(s[i] * _scaleF, MidpointRounding.ToEven));
                for (; i < len; i++) d[i] = SatU8((int)Math.Round(s[i] * _scaleD, MidpointRounding.ToEven));
            }
        }

        private int StoreVector(int* s, byte* d, int len)
        {
            int i = 0;
            if (!_mean)
            {
                var max = Vector256.Create(255);
                for (; i <= len - 16; i += 16)
                {
                    var a = Vector256.Min(Vector256.Load(s + i), max);
                    var b = Vector256.Min(Vector256.Load(s + i + 8), max);
                    var u16 = Vector256.Narrow(a.AsUInt32(), b.AsUInt32());
                    Vector256.Narrow(u16, u16).GetLower().Store(d + i);
                }
            }
            else if (_area <= 256)
            {
                var dd = Vector256.Create((uint)_divDelta);
                var dsc = Vector256.Create((uint)_divScale);
                for (; i <= len - 16; i += 16)
                {
                    var a = ((Vector256.Load(s + i).AsUInt32() + dd) * dsc) >> Shift;
                    var b = ((Vector256.Load(s + i + 8).AsUInt32() + dd) * dsc) >> Shift;
                    var u16 = Vector256.Narrow(a, b);
                    Vector256.Narrow(u16, u16).GetLower().Store(d + i);
                }
            }
            else
            {
                var sc = Vector256.Create(_scaleF);
                var max = Vector256.Create(255);
                int floatEnd = len & ~7;
                for (; i <= floatEnd - 16; i += 16)
                {
                    var a = Vector256.Min(Vector256.ConvertToInt32(Vector256.Round(Vector256.ConvertToSingle(Vector256.Load(s + i)) * sc)), max);
                    var b = Vector256.Min(Vector256.ConvertToInt32(Vector256.Round(Vector256.ConvertToSingle(Vector256.Load(s + i + 8)) * sc)), max);
                    var u16 = Vector256.Narrow(Vector256.Max(a, Vector256<int>.Zero).AsUInt32(), Vector256.Max(b, Vector256<int>.Zero).AsUInt32());
                    Vector256.Narrow(u16, u16).GetLower().Store(d + i);
                }
            }
            return i;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static byte SatU8(int v) => (byte)Math.Clamp(v, 0, 255);
    }
}
