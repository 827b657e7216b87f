using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SegmentSharp.Thresholding.Local;

/// <summary>
/// Local Otsu at a cost per pixel that depends neither on the window nor on how many levels it holds. Every image
/// column keeps the cumulative count Q[i] and cumulative level sum M[i] (i = 0…255) of its w rows; a window's Q and M
/// are then sums of columns, updated per step by one entering and one leaving column (Perreault and Hébert 2007),
/// and Otsu's criterion for all 256 levels comes straight from them. The criterion is first estimated in single
/// precision, 16 (AVX-512) or 8 (AVX2) levels at once, as <c>g = (q·μ − M)/√(q·(n − q))</c> (a monotone form of
/// the between-class variance) with a reciprocal square-root estimate, Newton-refined on AVX-512. Its error is
/// bounded, so a level whose g cannot reach the largest one's lower bound cannot be the best; the rest (usually a
/// single level, which is then the answer) are scored in scikit-image 0.19's float64 arithmetic and compared in level
/// order, which keeps its result and tie-breaking exactly. No division per pixel and no branch per level. The image
/// is processed in vertical strips so that the columns of one strip stay in the L2 cache: working memory is 2 KB
/// per column of a strip (strip width plus the window, at most the image width) per band.
/// </summary>
internal static unsafe class WindowOtsu
{
    /// <summary>Which evaluation a band uses; <see cref="Auto"/> picks the widest the machine has.</summary>
    internal enum Path { Auto, Vector512, Vector256, Scalar }

    /// <summary>Floats per column (or window) state: Q[0…255] then M[0…255].</summary>
    private const int StateFloats = 512;

    /// <summary>
    /// Relative error of one single-precision estimate g. AVX-512: rsqrt14 (within 2^-14) refined by one Newton step
    /// leaves 1.5·2^-28, plus the roundings of d, of the numerator's two fused steps, of the Newton step and of the
    /// products, under 7·2^-24 in all: 2^-20 keeps a factor of two. AVX2: rsqrtps (within 1.5·2^-12), unrefined,
    /// plus 2^-20 for the roundings. Both also cover scikit-image's own float64 roundings of σ².
    /// </summary>
    private const double Rho512 = 1.0 / (1 << 20), Rho256 = 1.5 / (1 << 12) + 1.0 / (1 << 20);

    /// <summary>(1 − ρ)/(1 + ρ) taken 2^-22 lower, so that the fused single-precision cut (one rounding, 2^-24) can
    /// only err downwards.</summary>
    private const float Shrink512 = (float)((1 - Rho512) / (1 + Rho512) - 1.0 / (1 << 22)),
        Shrink256 = (float)((1 - Rho256) / (1 + Rho256) - 1.0 / (1 << 22));

    /// <summary>
    /// Absolute error of the numerator <c>q·μ − M</c>, per unit of the window's level sum Σ: μ is split into a float
    /// pair (error ≤ 2^-47·μ, so ≤ 2^-47·Σ once multiplied by q), while the fused steps err only relative to the
    /// numerator itself (counted in ρ). Above 2^24, M's conversion to a float adds up to 2^-24·Σ.
    /// Both constants leave a factor of four or more of margin, and also cover scikit-image's float64 rounding of t
    /// (≤ 2^-52·Σ in these units).
    /// </summary>
    private const double SumError = 1.0 / (1L << 44), WideSumError = 1.0 / (1 << 22);

    public static Path Resolve(Path path) => path != Path.Auto ? path
        : Avx512F.IsSupported && Vector512.IsHardwareAccelerated ? Path.Vector512
        : Avx2.IsSupported && Fma.IsSupported ? Path.Vector256
        : Path.Scalar;

    /// <summary>True when the window's level sum can exceed 2^24, so that M no longer fits a float exactly and the
    /// window keeps it as a 32-bit unsigned integer instead (255 · 4095² &lt; 2^32).</summary>
    public static bool NeedsWideMoments(int width, int height, int r)
    {
        long win = 2L * r + 1;
        return 255L * Math.Min(win, width) * Math.Min(win, height) >= 1L << 24;
    }

    /// <summary>Strip width: wide enough that the 2r extra columns each strip maintains, and the first window of
    /// each strip row (2r + 1 columns summed), stay a small overhead; narrow enough that the strip's columns (2 KB
    /// each) stay in a 2 MB L2 cache up to w ≈ 101. Measured on the 12 MP page: 512 / 8r beat 256 / 4r and 1024 / 16r.</summary>
    private static int StripWidth(int width, int r) => Math.Min(width, Math.Max(512, 8 * r));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Band(LocalPlane plane, int r, int y0, int y1, byte* mask, double* surface, int ts, Path path)
    {
        path = Resolve(path);
        if (NeedsWideMoments(plane.Width, plane.Height, r)) Band<uint>(plane, r, y0, y1, mask, surface, ts, path);
        else Band<float>(plane, r, y0, y1, mask, surface, ts, path);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Band<TM>(LocalPlane plane, int r, int y0, int y1, byte* mask, double* surface, int ts, Path path)
        where TM : unmanaged
    {
        int w = plane.Width, h = plane.Height;
        int strip = StripWidth(w, r);
        int maxCols = Math.Min(w, strip + 2 * r);
        // One zero column after the strip's columns stands for positions a clipped window does not count.
        nuint bytes = (nuint)((long)(maxCols + 1) * StateFloats * sizeof(float));
        float* cols = (float*)NativeMemory.AlignedAlloc(bytes, 64);
        // Window state (after 16 readable floats: the empty-level test loads Q[i − 1] from level 0 on), the 256
        // estimates and 256 candidate bits.
        float* scratch = (float*)NativeMemory.AlignedAlloc((nuint)((16 + StateFloats + 256 + 16) * sizeof(float)), 64);
        try
        {
            float* win = scratch + 16, g = win + StateFloats;
            for (int x0 = 0; x0 < w; x0 += strip)
            {
                int x1 = Math.Min(w, x0 + strip);
                int c0 = Math.Max(0, x0 - r), c1 = Math.Min(w, x1 + r), nc = c1 - c0;
                float* zero = cols + (long)nc * StateFloats;
                new Span<float>(zero, StateFloats).Clear();
                InitColumns(plane, r, y0, c0, nc, cols);
                for (int y = y0; y < y1; y++)
                {
                    if (y > y0)
                    {
                        int leave = y - r - 1, enter = y + r;
                        StepColumns(leave >= 0 ? plane.Row(leave) + c0 : null, enter < h ? plane.Row(enter) + c0 : null,
                            nc, cols, path);
                    }
                    WindowAt<TM>(cols, c0, Math.Max(0, x0 - r), Math.Min(w - 1, x0 + r), win);
                    byte* mrow = mask + (long)y * w;
                    double* trow = surface != null ? surface + (long)y * ts : null;
                    var row = new Sweep(plane.Row(y), mrow, trow, cols, zero, win, g, x0, x1, c0, r, w);
                    if (path == Path.Vector512) Sweep512<TM>(row);
                    else if (path == Path.Vector256) Sweep256<TM>(row);
                    else SweepScalar<TM>(row);
                }
            }
        }
        finally
        {
            NativeMemory.AlignedFree(cols);
            NativeMemory.AlignedFree(scratch);
        }
    }

    /// <summary>One row of one strip: where to read and write, and the column states.</summary>
    private readonly struct Sweep(byte* src, byte* mask, double* surface, float* cols, float* zero, float* win, float* g,
        int x0, int x1, int c0, int r, int width)
    {
        public readonly byte* Src = src, Mask = mask;
        public readonly double* Surface = surface;
        public readonly float* Cols = cols, Zero = zero, Win = win, G = g;
        public readonly ulong* Cand = (ulong*)(g + 256);
        public readonly int X0 = x0, X1 = x1, C0 = c0, R = r, Width = width;

        /// <summary>The column entering the window of x (x &gt; X0), or the zero column where it is clipped.</summary>
        public float* Enter(int x) => x > X0 && x + R < Width ? Cols + (long)(x + R - C0) * StateFloats : Zero;

        /// <summary>The column leaving the window of x (x &gt; X0), or the zero column.</summary>
        public float* Leave(int x) => x > X0 && x - R - 1 >= 0 ? Cols + (long)(x - R - 1 - C0) * StateFloats : Zero;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Put(int x, int t)
        {
            Mask[x] = Src[x] > t ? (byte)255 : (byte)0;
            if (Surface != null) Surface[x] = t;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static void Sweep512<TM>(Sweep s) where TM : unmanaged
    {
        var pc = new Population();
        for (int x = s.X0; x < s.X1; x++) s.Put(x, Level512<TM>(s.Win, s.Enter(x), s.Leave(x), s.G, s.Cand, ref pc));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static void Sweep256<TM>(Sweep s) where TM : unmanaged
    {
        var pc = new Population();
        for (int x = s.X0; x < s.X1; x++) s.Put(x, Level256<TM>(s.Win, s.Enter(x), s.Leave(x), s.G, s.Cand, ref pc));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static void SweepScalar<TM>(Sweep s) where TM : unmanaged
    {
        for (int x = s.X0; x < s.X1; x++) s.Put(x, LevelScalar<TM>(s.Win, s.Enter(x), s.Leave(x)));
    }

    /// <summary>Cumulative Q and M of columns c0 … c0+nc−1 over the rows of row y0's (clipped) window.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InitColumns(LocalPlane plane, int r, int y0, int c0, int nc, float* cols)
    {
        new Span<float>(cols, nc * StateFloats).Clear();
        int ya = Math.Max(0, y0 - r), yb = Math.Min(plane.Height - 1, y0 + r);
        for (int y = ya; y <= yb; y++)
        {
            byte* s = plane.Row(y) + c0;
            for (int j = 0; j < nc; j++) cols[(long)j * StateFloats + s[j]] += 1;
        }
        for (int j = 0; j < nc; j++)
        {
            float* q = cols + (long)j * StateFloats, m = q + 256;
            float cq = 0, cm = 0;
            for (int i = 0; i < 256; i++)
            {
                float p = q[i];
                cq += p;
                cm += i * p;
                q[i] = cq;
                m[i] = cm;
            }
        }
    }

    /// <summary>Moves every column's window down one row: <paramref name="leaving"/> and <paramref name="entering"/>
    /// are the rows that drop out and come in (null where the window is clipped).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void StepColumns(byte* leaving, byte* entering, int nc, float* cols, Path path)
    {
        for (int j = 0; j < nc; j++)
        {
            int vin = entering != null ? entering[j] : -1, vout = leaving != null ? leaving[j] : -1;
            if (vin == vout) continue;
            float* col = cols + (long)j * StateFloats;
            if (vin >= 0 && vout >= 0) Swap(col, vin, vout, path);
            else if (vin >= 0) Add(col, vin, 1, path);
            else Add(col, vout, -1, path);
        }
    }

    /// <summary>One column: level <paramref name="vin"/> replaces level <paramref name="vout"/> (they differ). Q changes
    /// only between the two levels, M from the lower one up (by vin − vout above the higher one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Swap(float* col, int vin, int vout, Path path)
    {
        int lo = Math.Min(vin, vout), hi = Math.Max(vin, vout);
        float fin = vin, fout = vout;
        float* m = col + 256;
        if (path == Path.Vector512)
        {
            var vi = Vector512.Create(fin);
            var vo = Vector512.Create(fout);
            var one = Vector512<float>.One;
            int b = lo & ~15;
            for (; b <= hi; b += 16)
            {
                var iota = Vector512<float>.Indices + Vector512.Create((float)b);
                var gi = Vector512.GreaterThanOrEqual(iota, vi);
                var go = Vector512.GreaterThanOrEqual(iota, vo);
                (Vector512.Load(col + b) + ((gi & one) - (go & one))).Store(col + b);
                (Vector512.Load(m + b) + ((gi & vi) - (go & vo))).Store(m + b);
            }
            var dc = Vector512.Create(fin - fout);
            for (; b < 256; b += 16) (Vector512.Load(m + b) + dc).Store(m + b);
            return;
        }
        if (path == Path.Vector256)
        {
            var vi = Vector256.Create(fin);
            var vo = Vector256.Create(fout);
            var one = Vector256<float>.One;
            int b = lo & ~7;
            for (; b <= hi; b += 8)
            {
                var iota = Vector256<float>.Indices + Vector256.Create((float)b);
                var gi = Vector256.GreaterThanOrEqual(iota, vi);
                var go = Vector256.GreaterThanOrEqual(iota, vo);
                (Vector256.Load(col + b) + ((gi & one) - (go & one))).Store(col + b);
                (Vector256.Load(m + b) + ((gi & vi) - (go & vo))).Store(m + b);
            }
            var dc = Vector256.Create(fin - fout);
            for (; b < 256; b += 8) (Vector256.Load(m + b) + dc).Store(m + b);
            return;
        }
        Add(col, vin, 1, Path.Scalar);
        Add(col, vout, -1, Path.Scalar);
    }

    /// <summary>One column gains (<paramref name="sign"/> 1) or loses (−1) one sample of level <paramref name="v"/>.</summary>
    internal static void Add(float* col, int v, int sign, Path path)
    {
        float dq = sign, dm = sign * v;
        float* m = col + 256;
        if (path == Path.Vector512)
        {
            for (int b = v & ~15; b < 256; b += 16)
            {
                var ge = Vector512.GreaterThanOrEqual(Vector512<float>.Indices + Vector512.Create((float)b), Vector512.Create((float)v));
                (Vector512.Load(col + b) + (ge & Vector512.Create(dq))).Store(col + b);
                (Vector512.Load(m + b) + (ge & Vector512.Create(dm))).Store(m + b);
            }
            return;
        }
        if (path == Path.Vector256)
        {
            for (int b = v & ~7; b < 256; b += 8)
            {
                var ge = Vector256.GreaterThanOrEqual(Vector256<float>.Indices + Vector256.Create((float)b), Vector256.Create((float)v));
                (Vector256.Load(col + b) + (ge & Vector256.Create(dq))).Store(col + b);
                (Vector256.Load(m + b) + (ge & Vector256.Create(dm))).Store(m + b);
            }
            return;
        }
        for (int i = v; i < 256; i++)
        {
            col[i] += dq;
            m[i] += dm;
        }
    }

    /// <summary>Window state = Σ of the columns xa … xb (image columns; all inside the strip's range).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WindowAt<TM>(float* cols, int c0, int xa, int xb, float* win) where TM : unmanaged
    {
        new Span<float>(win, StateFloats).Clear();
        for (int x = xa; x <= xb; x++)
        {
            float* col = cols + (long)(x - c0) * StateFloats;
            if (typeof(TM) == typeof(float)) AddState(win, col, StateFloats);
            else
            {
                AddState(win, col, 256);
                uint* wm = (uint*)(win + 256);
                for (int i = 0; i < 256; i++) wm[i] += (uint)col[256 + i];
            }
        }
    }

    /// <summary>dst[0 … n) += src[0 … n) (n a multiple of 16).</summary>
    private static void AddState(float* dst, float* src, int n)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i < n; i += 16) (Vector512.Load(dst + i) + Vector512.Load(src + i)).Store(dst + i);
        if (Vector256.IsHardwareAccelerated)
            for (; i < n; i += 8) (Vector256.Load(dst + i) + Vector256.Load(src + i)).Store(dst + i);
        for (; i < n; i++) dst[i] += src[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double MomentAt<TM>(float* win, int i) where TM : unmanaged =>
        typeof(TM) == typeof(float) ? (double)win[256 + i] : (double)((uint*)win)[256 + i];

    /// <summary>
    /// Scalar reference: applies the column step to the window, then scans levels 1…255 exactly as scikit-image
    /// 0.19's <c>_kernel_otsu</c> does (empty levels skipped, stop once the lower class holds everything, first
    /// strictly largest <c>t²/(q1·(n − q1))</c> with <c>t = (n − q1)·μ1 − (μ − μ1)·q1</c> in float64).
    /// </summary>
    internal static int LevelScalar<TM>(float* win, float* enter, float* leave) where TM : unmanaged
    {
        uint* wm = (uint*)(win + 256);
        for (int i = 0; i < 256; i++)
        {
            win[i] += enter[i] - leave[i];
            if (typeof(TM) == typeof(float)) win[256 + i] += enter[256 + i] - leave[256 + i];
            else wm[i] += (uint)(int)(enter[256 + i] - leave[256 + i]);
        }
        long pop = (long)win[255], sum = (long)MomentAt<TM>(win, 255);
        double n = pop, best = 0;
        int bestI = 0;
        for (int i = 1; i < 256; i++)
        {
            long q1 = (long)win[i];
            if (q1 == (long)win[i - 1]) continue;
            if (q1 == pop) break;
            long mu1 = (long)MomentAt<TM>(win, i);
            double t = (n - q1) * mu1 - (double)((sum - mu1) * q1);
            double sigma = t * t / (q1 * (n - q1));
            if (sigma > best) { best = sigma; bestI = i; }
        }
        return bestI;
    }

    /// <summary>
    /// Constants of one window population n, recomputed only when n changes (near the image borders). A level can be
    /// the best only if the upper end of its error interval reaches the lower end of the largest estimate's: every
    /// estimate is within ρ·G + a of its level's true value G, where a = SumError·Σ/√(n − 1) comes from the
    /// numerator's rounding and is largest at the smallest d = q·(n − q) = n − 1. So the cut is
    /// <c>c·gMax − (1 + c)·a</c> with <c>c = (1 − ρ)/(1 + ρ)</c>, taken a little lower (2^-22 on c, 2^-20 on a) so that the
    /// single-precision fused multiply-add that forms it can only err downwards.
    /// </summary>
    internal struct Population
    {
        public float N;
        public double Inverse, Reach;

        public Population() => N = -1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Update(float n, double rho, double sumError)
        {
            if (n == N) return;
            N = n;
            Inverse = 1.0 / n;
            double c = (1 - rho) / (1 + rho);
            Reach = n > 1 ? sumError / Math.Sqrt(n - 1.0) * (1 + c) * (1 + 1.0 / (1 << 20)) : 0;
        }
    }

    /// <summary>Clears level 0 (never scored) from the candidate bits; true, with the level, when one remains.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Lone(ulong* cand, out int level)
    {
        cand[0] &= ~1UL;
        int count = BitOperations.PopCount(cand[0]) + BitOperations.PopCount(cand[1])
                    + BitOperations.PopCount(cand[2]) + BitOperations.PopCount(cand[3]);
        level = 0;
        if (count != 1) return false;
        for (int k = 0; ; k++)
            if (cand[k] != 0)
            {
                level = 64 * k + BitOperations.TrailingZeroCount(cand[k]);
                return true;
            }
    }

    /// <summary>Per-pixel scalars of the estimate: the population n, the mean as an unevaluated float pair (so that
    /// q·μ − M has only the fused steps' roundings, relative to itself), the cut's absolute term, and level 0's count
    /// (level 0 is never scored, scikit-image's scan starts at 1: it serves as its own "count below").</summary>
    private readonly record struct PixelTerms(float Pop, float MeanHi, float MeanLo, float Reach, float Level0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PixelTerms Terms<TM>(float* win, float* enter, float* leave, ref Population pc, double rho)
        where TM : unmanaged
    {
        var (pop, sum) = Totals<TM>(win, enter, leave);
        pc.Update(pop, rho, typeof(TM) == typeof(float) ? SumError : WideSumError);
        double mean = sum * pc.Inverse;
        float meanHi = (float)mean;
        return new PixelTerms(pop, meanHi, (float)(mean - meanHi), (float)(pc.Reach * sum), win[0] + (enter[0] - leave[0]));
    }

    /// <summary>
    /// The level among the candidate bits (non-empty levels whose estimate reached the cut; at least one): the only
    /// one, or the first strictly largest of their exact float64 criteria.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Choose<TM>(float* win, ulong* cand) where TM : unmanaged
    {
        if (Lone(cand, out int level)) return level;
        double pop = win[255], sum = MomentAt<TM>(win, 255);
        double best = 0;
        int bestI = 0;
        for (int k = 0; k < 4; k++)
        {
            ulong bits = cand[k];
            while (bits != 0)
            {
                int i = 64 * k + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                if (!Exact<TM>(win, i, pop, sum, ref best, ref bestI)) return bestI;
            }
        }
        return bestI;
    }

    /// <summary>The window's population and level sum after the column step (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (float Pop, double Sum) Totals<TM>(float* win, float* enter, float* leave) where TM : unmanaged
    {
        float pop = win[255] + (enter[255] - leave[255]);
        double sum = typeof(TM) == typeof(float)
            ? (double)(win[511] + (enter[511] - leave[511]))
            : (double)(((uint*)win)[511] + (uint)(int)(enter[511] - leave[511]));
        return (pop, sum);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Exact<TM>(float* win, int i, double n, double sum, ref double best, ref int bestI) where TM : unmanaged
    {
        // All in float64: the counts and sums are exact there, and scikit-image's int64 product (μ − μ1)·q1, converted
        // to float64, equals the float64 product of its exact factors (both round the same exact value once).
        double q1 = win[i];
        if (q1 == win[i - 1]) return true;
        if (q1 == n) return false;
        double mu1 = MomentAt<TM>(win, i);
        double t = (n - q1) * mu1 - (sum - mu1) * q1;
        double sigma = t * t / (q1 * (n - q1));
        if (sigma > best) { best = sigma; bestI = i; }
        return true;
    }

    /// <summary>AVX-512 twin of <see cref="LevelScalar{TM}"/> (same result): column step, 16-level estimates,
    /// exact pass over the candidates. <paramref name="cand"/> is room for 256 candidate bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Level512<TM>(float* win, float* enter, float* leave, float* g, ulong* cand, ref Population pc)
        where TM : unmanaged
    {
        var p = Terms<TM>(win, enter, leave, ref pc, Rho512);
        var nv = Vector512.Create(p.Pop);
        var mu = Vector512.Create(p.MeanHi);
        var muLo = Vector512.Create(p.MeanLo);
        var reach = Vector512.Create(p.Reach);
        // With samples at level 0, the levels below the first non-empty one above 0 have M = 0 but q > 0: scikit-image
        // never scores them (its scan starts at 1 and skips empty levels), so they must not set the largest estimate.
        var m = p.Level0 > 0 ? Estimate512<TM>(win, enter, leave, g, nv, mu, muLo, true)
            : Estimate512<TM>(win, enter, leave, g, nv, mu, muLo, false);
        // Largest estimate in every lane, then the cut, without leaving the vector unit.
        m = Avx512F.Max(m, Avx512F.Shuffle4x128(m, m, 0b01_00_11_10));
        m = Avx512F.Max(m, Avx512F.Shuffle4x128(m, m, 0b10_11_00_01));
        m = Avx512F.Max(m, Avx512F.Permute4x32(m, 0b01_00_11_10));
        m = Avx512F.Max(m, Avx512F.Permute4x32(m, 0b10_11_00_01));
        if (float.IsNegativeInfinity(m.ToScalar())) return 0;
        var cut = Avx512F.FusedMultiplySubtract(m, Vector512.Create(Shrink512), reach);
        for (int k = 0; k < 4; k++)
        {
            ulong w = 0;
            for (int j = 0; j < 64; j += 16)
            {
                int b = 64 * k + j;
                ulong bits = Vector512.GreaterThanOrEqual(Vector512.Load(g + b), cut).ExtractMostSignificantBits();
                // An empty level repeats the estimate of the non-empty one below it; scikit-image skips it.
                if (bits != 0)
                    bits &= ~Vector512.Equals(Vector512.Load(win + b), Vector512.Load(win + b - 1)).ExtractMostSignificantBits();
                w |= bits << j;
            }
            cand[k] = w;
        }
        return Lone(cand, out int level) ? level : Exact512<TM>(win, cand);
    }

    /// <summary>
    /// Applies the column step to the window and stores the 256 estimates; returns the lane-wise largest. Levels
    /// scikit-image cannot score need no test: where q = 0 or q = n, d = 0 makes the Newton step NaN, which neither
    /// wins the maximum (operand order) nor passes the cut; empty levels only repeat a real estimate (they are removed
    /// among the candidates). Only the M = 0 levels of <paramref name="zeros"/> windows need a mask.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Estimate512<TM>(float* win, float* enter, float* leave, float* g, Vector512<float> nv,
        Vector512<float> mu, Vector512<float> muLo, bool zeros) where TM : unmanaged
    {
        var acc0 = Vector512.Create(float.NegativeInfinity);
        var acc1 = acc0;
        for (int b = 0; b < 256; b += 32)
        {
            acc0 = Block512<TM>(win, enter, leave, g, b, nv, mu, muLo, acc0, zeros);
            acc1 = Block512<TM>(win, enter, leave, g, b + 16, nv, mu, muLo, acc1, zeros);
        }
        return Avx512F.Max(acc0, acc1);
    }

    /// <summary>
    /// The first strictly largest scikit-image criterion among several candidate levels, eight levels per step in
    /// float64 with scikit-image's operations and order (no fused steps), so each lane equals the scalar
    /// <see cref="Exact{TM}"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static int Exact512<TM>(float* win, ulong* cand) where TM : unmanaged
    {
        double n = win[255], sum = MomentAt<TM>(win, 255);
        var nv = Vector512.Create(n);
        var sv = Vector512.Create(sum);
        // Lane i holds 2^i: tests eight candidate bits at once.
        var bit = Vector512.Create(1UL, 2, 4, 8, 16, 32, 64, 128);
        double best = 0;
        int bestI = 0;
        for (int k = 0; k < 4; k++)
        {
            ulong bits = cand[k];
            while (bits != 0)
            {
                int shift = BitOperations.TrailingZeroCount(bits) & ~7, b = 64 * k + shift;
                uint lanes = (uint)(bits >> shift) & 0xFF;
                bits &= ~(0xFFUL << shift);
                var q = Avx512F.ConvertToVector512Double(Vector256.Load(win + b));
                var m = typeof(TM) == typeof(float)
                    ? Avx512F.ConvertToVector512Double(Vector256.Load(win + 256 + b))
                    : Avx512F.ConvertToVector512Double(Vector256.Load((uint*)win + 256 + b));
                var a = nv - q;
                var t = a * m - (sv - m) * q;
                // Non-candidate lanes drop to −1; the group's first largest then competes strictly with the earlier ones.
                var keep = Vector512.Equals(Vector512.Create((ulong)lanes) & bit, bit).AsDouble();
                var s = Vector512.ConditionalSelect(keep, t * t / (q * a), Vector512.Create(-1.0));
                var top = Avx512F.Max(s, Avx512F.Shuffle4x128(s, s, 0b01_00_11_10));
                top = Avx512F.Max(top, Avx512F.Shuffle4x128(top, top, 0b10_11_00_01));
                top = Avx512F.Max(top, Avx512F.Permute2x64(top, 0b0101_0101));
                double groupBest = top.ToScalar();
                if (groupBest > best)
                {
                    best = groupBest;
                    bestI = b + BitOperations.TrailingZeroCount(Vector512.Equals(s, top).ExtractMostSignificantBits());
                }
            }
        }
        return bestI;
    }

    /// <summary>One 16-level block of <see cref="Estimate512{TM}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Block512<TM>(float* win, float* enter, float* leave, float* g, int b,
        Vector512<float> nv, Vector512<float> mu, Vector512<float> muLo, Vector512<float> acc, bool zeros)
        where TM : unmanaged
    {
        var q = Vector512.Load(win + b) + (Vector512.Load(enter + b) - Vector512.Load(leave + b));
        q.Store(win + b);
        Vector512<float> m;
        if (typeof(TM) == typeof(float))
        {
            m = Vector512.Load(win + 256 + b) + (Vector512.Load(enter + 256 + b) - Vector512.Load(leave + 256 + b));
            m.Store(win + 256 + b);
        }
        else
        {
            var mi = Vector512.Load((uint*)win + 256 + b)
                     + Avx512F.ConvertToVector512Int32WithTruncation(Vector512.Load(enter + 256 + b) - Vector512.Load(leave + 256 + b)).AsUInt32();
            mi.Store((uint*)win + 256 + b);
            m = Avx512F.ConvertToVector512Single(mi);
        }
        // q·μ − M = q·(μ − μ1) ≥ 0 and d = q·(n − q) > 0 on the levels scikit-image can score.
        var t = Avx512F.FusedMultiplyAdd(q, muLo, Avx512F.FusedMultiplySubtract(q, mu, m));
        var d = (nv - q) * q;
        // One Newton step on the 14-bit estimate of 1/√d: r·(3 − d·r²)/2, folded into the product with t.
        var r = Avx512F.ReciprocalSqrt14(d);
        var est = (t * r) * Avx512F.FusedMultiplyAddNegated(d * r * r, Vector512.Create(0.5f), Vector512.Create(1.5f));
        if (zeros) est = Vector512.ConditionalSelect(Vector512.GreaterThan(m, Vector512<float>.Zero), est, Vector512.Create(float.NegativeInfinity));
        est.Store(g + b);
        // vmaxps returns its second operand when either is NaN: a NaN estimate leaves the maximum as it was.
        return Avx512F.Max(est, acc);
    }

    /// <summary>AVX2 twin of <see cref="Level512{TM}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Level256<TM>(float* win, float* enter, float* leave, float* g, ulong* cand, ref Population pc)
        where TM : unmanaged
    {
        var p = Terms<TM>(win, enter, leave, ref pc, Rho256);
        var nv = Vector256.Create(p.Pop);
        var mu = Vector256.Create(p.MeanHi);
        var muLo = Vector256.Create(p.MeanLo);
        var reach = Vector256.Create(p.Reach);
        var zero = Vector256<float>.Zero;
        var acc0 = Vector256.Create(float.NegativeInfinity);
        var acc1 = acc0;
        var prev = Vector256.Create(p.Level0);
        for (int b = 0; b < 256; b += 16)
        {
            acc0 = Block256<TM>(win, enter, leave, g, b, nv, mu, muLo, zero, acc0, ref prev);
            acc1 = Block256<TM>(win, enter, leave, g, b + 8, nv, mu, muLo, zero, acc1, ref prev);
        }
        var m = Avx.Max(acc0, acc1);
        m = Avx.Max(m, Avx.Permute2x128(m, m, 1));
        m = Avx.Max(m, Avx.Permute(m, 0b01_00_11_10));
        m = Avx.Max(m, Avx.Permute(m, 0b10_11_00_01));
        if (float.IsNegativeInfinity(m.ToScalar())) return 0;
        var cut = Fma.MultiplySubtract(m, Vector256.Create(Shrink256), reach);
        for (int k = 0; k < 4; k++)
        {
            ulong w = 0;
            for (int j = 0; j < 8; j++)
                w |= (ulong)Vector256.GreaterThanOrEqual(Vector256.Load(g + 64 * k + 8 * j), cut).ExtractMostSignificantBits() << (8 * j);
            cand[k] = w;
        }
        return Choose<TM>(win, cand);
    }

    /// <summary>AVX2 twin of <see cref="Block512{TM}"/> (8 levels; <paramref name="prev"/> holds the previous
    /// block's counts rotated up by one lane, so its lane 0 is the count just below this block).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Block256<TM>(float* win, float* enter, float* leave, float* g, int b,
        Vector256<float> nv, Vector256<float> mu, Vector256<float> muLo, Vector256<float> zero, Vector256<float> acc, ref Vector256<float> prev)
        where TM : unmanaged
    {
        var q = Vector256.Load(win + b) + (Vector256.Load(enter + b) - Vector256.Load(leave + b));
        q.Store(win + b);
        Vector256<float> m;
        if (typeof(TM) == typeof(float))
        {
            m = Vector256.Load(win + 256 + b) + (Vector256.Load(enter + 256 + b) - Vector256.Load(leave + 256 + b));
            m.Store(win + 256 + b);
        }
        else
        {
            var mi = Vector256.Load((uint*)win + 256 + b)
                     + Avx.ConvertToVector256Int32WithTruncation(Vector256.Load(enter + 256 + b) - Vector256.Load(leave + 256 + b)).AsUInt32();
            mi.Store((uint*)win + 256 + b);
            // Exact split of a 32-bit unsigned value into two floats; their sum rounds once, like a direct conversion.
            var hi = Avx.ConvertToVector256Single(Avx2.ShiftRightLogical(mi, 16).AsInt32()) * Vector256.Create(65536f);
            m = hi + Avx.ConvertToVector256Single((mi & Vector256.Create(0xFFFFu)).AsInt32());
        }
        var t = Fma.MultiplyAdd(q, muLo, Fma.MultiplySubtract(q, mu, m));
        var d = (nv - q) * q;
        var est = t * Avx.ReciprocalSqrt(d);
        var rotated = Avx2.PermuteVar8x32(q, Vector256.Create(7, 0, 1, 2, 3, 4, 5, 6));
        var below = Avx.Blend(rotated, prev, 1);
        prev = rotated;
        var valid = Avx.AndNot(Avx.CompareEqual(q, below), Avx.CompareGreaterThan(d, zero));
        est = Avx.BlendVariable(Vector256.Create(float.NegativeInfinity), est, valid);
        est.Store(g + b);
        return Avx.Max(acc, est);
    }
}
