using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SegmentSharp.Imaging;

namespace SegmentSharp.Filters;

/// <summary>Streaming box sums shared by <see cref="BoxFilter"/> and the adaptive mean threshold.</summary>
internal static unsafe class BoxSums
{
    public enum Mode { Mean, SaturatedSum }

    /// <summary>Returns where the 8-bit result of output row <c>y</c> goes (the band's scratch row when null).</summary>
    public delegate byte* RowTarget(int y, byte* scratch);

    /// <summary>Called after output row <c>y</c> has been written to <paramref name="row"/>.</summary>
    public delegate void RowDone(int y, byte* row, int len);

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
            ForEachRow(src, kw, kh, border, norm, (y, _) => (byte*)dp + (long)y * ds, null);
        }
    }

    /// <summary>
    /// Computes every output row's normalised window sums into <paramref name="target"/>'s row and then calls
    /// <paramref name="done"/>, in row order within each band.
    /// </summary>
    public static void ForEachRow(ReadOnlyImageView<byte> src, int kw, int kh, BorderType border, Normalizer norm,
        RowTarget target, RowDone? done)
    {
        int w = src.Width, h = src.Height, cn = src.Channels, ss = src.Stride;
        fixed (byte* ps = src.Data)
        {
            nint sp = (nint)ps;
            Parallelism.ForBands(h, (long)w * cn * 4,
                (y0, y1) => Band((byte*)sp, ss, w, h, cn, kw, kh, border, y0, y1, norm, target, done));
        }
    }

    private static void Band(byte* src, int srcStride, int w, int h, int cn, int kw, int kh, BorderType border,
        int y0, int y1, Normalizer norm, RowTarget target, RowDone? done)
    {
        int ax = kw / 2, ay = kh / 2;
        int len = w * cn;
        int extLen = (w + kw - 1) * cn;
        int pitch = len + 16;
        var extArr = ArrayPool<byte>.Shared.Rent(extLen + 64);
        var ringArr = ArrayPool<int>.Shared.Rent(pitch * kh);
        var sumArr = ArrayPool<int>.Shared.Rent(pitch);
        var scratchArr = ArrayPool<byte>.Shared.Rent(len + 32);
        try
        {
            fixed (byte* ext = extArr)
            fixed (int* ring = ringArr)
            fixed (int* sum = sumArr)
            fixed (byte* scratch = scratchArr)
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
                    int* rout = ring + (long)((y - ay - first) % kh) * pitch;
                    byte* outRow = target(y, scratch);
                    // One pass: output from sum + entering row, then drop the leaving row (OpenCV's ColumnSum order).
                    norm.StoreSliding(sum, rin, rout, outRow, len);
                    done?.Invoke(y, outRow, len);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(extArr);
            ArrayPool<int>.Shared.Return(ringArr);
            ArrayPool<int>.Shared.Return(sumArr);
            ArrayPool<byte>.Shared.Return(scratchArr);
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
        int span = kw * cn;
        for (int c = 0; c < cn; c++)
        {
            // Keep the running sum in a register: a load of r[i − cn] would serialise on store forwarding.
            int s = 0;
            for (int k = 0; k < kw; k++) s += ext[c + k * cn];
            r[c] = s;
            byte* lead = ext + c + span, trail = ext + c;
            for (int i = c + cn; i < len; i += cn, lead += cn, trail += cn)
            {
                s += *lead - *trail;
                r[i] = s;
            }
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

        /// <summary>d = normalise(sum + rin); sum = sum + rin − rout.</summary>
        public void StoreSliding(int* sum, int* rin, int* rout, byte* d, int len)
        {
            int i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; i <= len - 16; i += 16)
                {
                    var a = Vector256.Load(sum + i) + Vector256.Load(rin + i);
                    var b = Vector256.Load(sum + i + 8) + Vector256.Load(rin + i + 8);
                    StoreBytes(Normalize16(a, b), d + i);
                    (a - Vector256.Load(rout + i)).Store(sum + i);
                    (b - Vector256.Load(rout + i + 8)).Store(sum + i + 8);
                }
            }
            for (; i < len; i++)
            {
                int s = sum[i] + rin[i];
                d[i] = One(s, i, len);
                sum[i] = s - rout[i];
            }
        }

        public void Store(int* s, byte* d, int len)
        {
            int i = 0;
            if (Vector256.IsHardwareAccelerated)
                for (; i <= len - 16; i += 16)
                    StoreBytes(Normalize16(Vector256.Load(s + i), Vector256.Load(s + i + 8)), d + i);
            StoreScalar(s, d, i, len);
        }

        internal void StoreScalar(int* s, byte* d, int start, int len)
        {
            for (int i = start; i < len; i++) d[i] = One(s[i], i, len);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private byte One(int s, int i, int len)
        {
            if (!_mean) return (byte)Math.Min(s, 255);
            if (_area <= 256) return (byte)((uint)(s + _divDelta) * (uint)_divScale >> Shift);
            // OpenCV's SIMD loops cover whole blocks of 8 samples in float32; only the scalar tail uses double.
            return i < (len & ~7)
                ? SatU8((int)MathF.Round(s * _scaleF, MidpointRounding.ToEven))
                : SatU8((int)Math.Round(s * _scaleD, MidpointRounding.ToEven));
        }

        /// <summary>16 sums (all inside OpenCV's vector region) to 16 bytes in 16-bit lanes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Vector256<ushort> Normalize16(Vector256<int> a, Vector256<int> b)
        {
            Vector256<uint> ra, rb;
            if (!_mean)
            {
                var max = Vector256.Create(255);
                ra = Vector256.Min(a, max).AsUInt32();
                rb = Vector256.Min(b, max).AsUInt32();
            }
            else if (_area <= 256)
            {
                var dd = Vector256.Create((uint)_divDelta);
                var dsc = Vector256.Create((uint)_divScale);
                ra = ((a.AsUInt32() + dd) * dsc) >> Shift;
                rb = ((b.AsUInt32() + dd) * dsc) >> Shift;
            }
            else
            {
                var sc = Vector256.Create(_scaleF);
                var max = Vector256.Create(255);
                ra = Vector256.Min(Vector256.ConvertToInt32(Vector256.Round(Vector256.ConvertToSingle(a) * sc)), max).AsUInt32();
                rb = Vector256.Min(Vector256.ConvertToInt32(Vector256.Round(Vector256.ConvertToSingle(b) * sc)), max).AsUInt32();
            }
            return Vector256.Narrow(ra, rb);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void StoreBytes(Vector256<ushort> v, byte* d) => Vector256.Narrow(v, v).GetLower().Store(d);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static byte SatU8(int v) => (byte)Math.Clamp(v, 0, 255);
    }
}
