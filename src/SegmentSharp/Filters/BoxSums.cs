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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Band(byte* src, int srcStride, int w, int h, int cn, int kw, int kh, BorderType border,
        int y0, int y1, Normalizer norm, RowTarget target, RowDone? done)
    {
        // Column sums first (exact integers, so the order of summation does not matter): each new output row adds the
        // entering source row and removes the leaving one, then a running sum slides horizontally along the row.
        int ax = kw / 2, ay = kh / 2;
        int len = w * cn;
        int left = ax * cn, right = (kw - 1 - ax) * cn;
        int extLen = len + left + right;
        var colArr = ArrayPool<int>.Shared.Rent(extLen + 16);
        var sumArr = ArrayPool<int>.Shared.Rent(len + 16);
        var scratchArr = ArrayPool<byte>.Shared.Rent(len + 32);
        var mapArr = ArrayPool<int>.Shared.Rent(left + right + 1);
        var prefixArr = ArrayPool<int>.Shared.Rent(extLen + 16);
        try
        {
            fixed (int* ext = colArr)
            fixed (int* sums = sumArr)
            fixed (byte* scratch = scratchArr)
            fixed (int* map = mapArr)
            fixed (int* prefix = prefixArr)
            {
                int* col = ext + left;
                new Span<int>(ext, extLen).Clear();
                // Source sample feeding each border slot (−1: constant zero).
                for (int j = 0; j < left; j++)
                {
                    int sx = BorderInterpolation.Map(j / cn - ax, w, border);
                    map[j] = sx < 0 ? -1 : sx * cn + j % cn;
                }
                for (int j = 0; j < right; j++)
                {
                    int sx = BorderInterpolation.Map(w + j / cn, w, border);
                    map[left + j] = sx < 0 ? -1 : sx * cn + j % cn;
                }
                for (int j = y0 - ay; j < y0 - ay + kh - 1; j++) AddRow(src, srcStride, h, border, j, col, len, +1);
                for (int y = y0; y < y1; y++)
                {
                    // Enter row y − ay + kh − 1 and, after the first row, drop row y − ay − 1 in the same pass.
                    if (y == y0) AddRow(src, srcStride, h, border, y - ay + kh - 1, col, len, +1);
                    else SlideRows(src, srcStride, h, border, y - ay + kh - 1, y - ay - 1, col, len);
                    for (int j = 0; j < left; j++) ext[j] = map[j] < 0 ? 0 : col[map[j]];
                    for (int j = 0; j < right; j++) ext[left + len + j] = map[left + j] < 0 ? 0 : col[map[left + j]];
                    byte* outRow = target(y, scratch);
                    if (kw <= 16 && Vector256.IsHardwareAccelerated)
                        norm.StoreShortWindow(ext, outRow, len, cn, kw);
                    else
                    {
                        HorizontalWindow(ext, sums, len, cn, kw, prefix);
                        norm.Store(sums, outRow, len);
                    }
                    done?.Invoke(y, outRow, len);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(colArr);
            ArrayPool<int>.Shared.Return(sumArr);
            ArrayPool<byte>.Shared.Return(scratchArr);
            ArrayPool<int>.Shared.Return(mapArr);
            ArrayPool<int>.Shared.Return(prefixArr);
        }
    }

    /// <summary>col += row jIn − row jOut (source rows under the border mode; constant-border rows are zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SlideRows(byte* src, int srcStride, int h, BorderType border, int jIn, int jOut, int* col, int len)
    {
        int si = BorderInterpolation.Map(jIn, h, border), so = BorderInterpolation.Map(jOut, h, border);
        if (si < 0 || so < 0)
        {
            AddRow(src, srcStride, h, border, jIn, col, len, +1);
            AddRow(src, srcStride, h, border, jOut, col, len, -1);
            return;
        }
        byte* rin = src + (long)si * srcStride, rout = src + (long)so * srcStride;
        int i = 0;
        if (System.Runtime.Intrinsics.X86.Avx512F.IsSupported)
            for (; i <= len - 16; i += 16)
                (Vector512.Load(col + i)
                    + (System.Runtime.Intrinsics.X86.Avx512F.ConvertToVector512Int32(Vector128.Load(rin + i))
                       - System.Runtime.Intrinsics.X86.Avx512F.ConvertToVector512Int32(Vector128.Load(rout + i)))).Store(col + i);
        if (Vector256.IsHardwareAccelerated)
            for (; i <= len - 8; i += 8)
                (Vector256.Load(col + i) + (LoadU8AsI32(rin + i) - LoadU8AsI32(rout + i))).Store(col + i);
        for (; i < len; i++) col[i] += rin[i] - rout[i];
    }

    /// <summary>col += sign · (source row j under the border mode); constant-border rows are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddRow(byte* src, int srcStride, int h, BorderType border, int j, int* col, int len, int sign)
    {
        int sy = BorderInterpolation.Map(j, h, border);
        if (sy < 0) return;
        byte* row = src + (long)sy * srcStride;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            if (sign > 0)
                for (; i <= len - 8; i += 8) (Vector256.Load(col + i) + LoadU8AsI32(row + i)).Store(col + i);
            else
                for (; i <= len - 8; i += 8) (Vector256.Load(col + i) - LoadU8AsI32(row + i)).Store(col + i);
        }
        if (sign > 0) for (; i < len; i++) col[i] += row[i];
        else for (; i < len; i++) col[i] -= row[i];
    }

    /// <summary>sums[i] = Σ_{k&lt;kw} ext[i + k·cn]. <paramref name="prefix"/> is scratch of len + kw·cn + 8 ints.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void HorizontalWindow(int* ext, int* sums, int len, int cn, int kw, int* prefix)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            if (kw <= 16)
            {
                // Short windows: add the kw shifted rows directly, 8 outputs at a time.
                for (; i <= len - 8; i += 8)
                {
                    var s = Vector256.Load(ext + i);
                    for (int k = 1; k < kw; k++) s += Vector256.Load(ext + i + k * cn);
                    s.Store(sums + i);
                }
                for (; i < len; i++)
                {
                    int s = 0;
                    for (int k = 0; k < kw; k++) s += ext[i + k * cn];
                    sums[i] = s;
                }
                return;
            }
            if (cn == 1)
            {
                // Long windows: an in-register prefix scan, then sums = P[i + kw] − P[i].
                int n = len + kw;
                PrefixScan(ext, prefix, n);
                for (; i <= len - 8; i += 8)
                    (Vector256.Load(prefix + i + kw) - Vector256.Load(prefix + i)).Store(sums + i);
                for (; i < len; i++) sums[i] = prefix[i + kw] - prefix[i];
                return;
            }
        }
        HorizontalWindowScalar(ext, sums, len, cn, kw);
    }

    /// <summary>p[0] = 0, p[j + 1] = p[j] + e[j] for j &lt; n.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PrefixScan(int* e, int* p, int n)
    {
        int carry = 0, j = 0;
        p[0] = 0;
        var z = Vector256<int>.Zero;
        for (; j <= n - 8; j += 8)
        {
            var x = Vector256.Load(e + j);
            // Inclusive scan of 8 lanes in three shift-and-add steps (lanes shifted in from below are zero).
            x += Vector256.Shuffle(x, Vector256.Create(8, 0, 1, 2, 3, 4, 5, 6));
            x += Vector256.Shuffle(x, Vector256.Create(8, 8, 0, 1, 2, 3, 4, 5));
            x += Vector256.Shuffle(x, Vector256.Create(8, 8, 8, 8, 0, 1, 2, 3));
            x += Vector256.Create(carry);
            x.Store(p + j + 1);
            carry = x.GetElement(7);
        }
        for (; j < n; j++) { carry += e[j]; p[j + 1] = carry; }
    }

    /// <summary>Scalar twin of <see cref="HorizontalWindow"/>: a running sum per channel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void HorizontalWindowScalar(int* ext, int* sums, int len, int cn, int kw)
    {
        int span = kw * cn;
        for (int c = 0; c < cn && c < len; c++)
        {
            int s = 0;
            for (int k = 0; k < kw; k++) s += ext[c + k * cn];
            sums[c] = s;
            int* lead = ext + c + span, trail = ext + c;
            for (int i = c + cn; i < len; i += cn, lead += cn, trail += cn)
            {
                s += *lead - *trail;
                sums[i] = s;
            }
        }
    }

    /// <summary>Loads 8 bytes zero-extended to int lanes (reads 16 bytes without AVX2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<int> LoadU8AsI32(byte* p)
    {
        if (System.Runtime.Intrinsics.X86.Avx2.IsSupported) return System.Runtime.Intrinsics.X86.Avx2.ConvertToVector256Int32(p);
        var (lo, hi) = Vector128.Widen(Vector128.WidenLower(Vector128.Load(p)));
        return Vector256.Create(lo, hi).AsInt32();
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

        /// <summary>Short windows: sum kw shifted column sums and normalise in one pass (no intermediate row).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void StoreShortWindow(int* ext, byte* d, int len, int cn, int kw)
        {
            int i = 0;
            for (; i <= len - 16; i += 16)
            {
                var a = Vector256.Load(ext + i);
                var b = Vector256.Load(ext + i + 8);
                for (int k = 1; k < kw; k++)
                {
                    a += Vector256.Load(ext + i + k * cn);
                    b += Vector256.Load(ext + i + 8 + k * cn);
                }
                StoreBytes(Normalize16(a, b), d + i);
            }
            for (; i < len; i++)
            {
                int s = 0;
                for (int k = 0; k < kw; k++) s += ext[i + k * cn];
                d[i] = One(s, i, len);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Store(int* s, byte* d, int len)
        {
            int i = 0;
            if (Vector256.IsHardwareAccelerated)
                for (; i <= len - 16; i += 16)
                    StoreBytes(Normalize16(Vector256.Load(s + i), Vector256.Load(s + i + 8)), d + i);
            StoreScalar(s, d, i, len);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
                ra = Vector256.Min(RoundToInt(Vector256.ConvertToSingle(a) * sc), max).AsUInt32();
                rb = Vector256.Min(RoundToInt(Vector256.ConvertToSingle(b) * sc), max).AsUInt32();
            }
            return Vector256.Narrow(ra, rb);
        }

        /// <summary>Round half to even, like OpenCV's v_round (cvtps2dq directly when available).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<int> RoundToInt(Vector256<float> x)
            => System.Runtime.Intrinsics.X86.Avx.IsSupported
                ? System.Runtime.Intrinsics.X86.Avx.ConvertToVector256Int32(x)
                : Vector256.ConvertToInt32(Vector256.Round(x));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void StoreBytes(Vector256<ushort> v, byte* d) => Vector256.Narrow(v, v).GetLower().Store(d);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static byte SatU8(int v) => (byte)Math.Clamp(v, 0, 255);
    }
}
