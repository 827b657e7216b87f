using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SegmentSharp.Imaging;

namespace SegmentSharp.Distance;

/// <summary>
/// The exact Euclidean distance transform of Felzenszwalb &amp; Huttenlocher ("Distance Transforms of Sampled
/// Functions", Theory of Computing 8, 2012) with the float arithmetic of OpenCV's own <c>trueDistTrans</c>:
/// squared column distances as 32-bit unsigned integers converted to float, the lower envelope of parabolas built
/// with single-precision intersections, and a float square root at the end.
/// </summary>
internal static unsafe class PreciseDistance
{
    /// <summary>OpenCV stops squaring integer offsets at 2^16 (the square would overflow 32 bits).</summary>
    private const int SquareLimit = 1 << 16;
    /// <summary>The envelope's sentinel intersections, as in OpenCV.</summary>
    private const float Inf = 1e15f;
    /// <summary><c>(float)UINT_MAX</c>: the squared distance OpenCV gives a column without any zero pixel.</summary>
    private const float NoZero = 4294967296f;

    public static void Run(ReadOnlyImageView<byte> src, ImageView<float> dst, bool vectorize = true)
    {
        int w = src.Width, h = src.Height, ss = src.Stride, ds = dst.Stride;
        // Both tables are what OpenCV feeds the row pass: its squares go through uint → float, its reciprocals
        // are computed in double and then rounded to float.
        var sqr = new float[w];
        var inv = new float[w];
        for (int i = 0; i < w; i++)
        {
            sqr[i] = i >= SquareLimit ? NoZero : (float)((uint)i * (uint)i);
            inv[i] = i == 0 ? 0f : (float)(0.5 / i);
        }
        fixed (byte* ps = src.Data)
        fixed (float* pd = dst.Data)
        {
            nint sp = (nint)ps, dp = (nint)pd;
            // Columns are independent: bands of columns walk the rows so every access stays sequential in memory.
            Parallelism.ForBands(w, 2L * h, (x0, x1) => Columns((byte*)sp, ss, (float*)dp, ds, h, x0, x1, vectorize), minRowsPerBand: 64);
            Parallelism.ForBands(h, 8L * w, (y0, y1) => Rows((float*)dp, ds, w, y0, y1, sqr, inv), minRowsPerBand: 4);
        }
    }

    /// <summary>
    /// Squared distance to the nearest zero in the same column. The downward run lengths are parked in the
    /// destination as integers and then combined with the upward ones; a column without zeros gets
    /// <see cref="NoZero"/>, and offsets of 2^16 or more count as none, both as in OpenCV.
    /// </summary>
    internal static void Columns(byte* src, int ss, float* dst, int ds, int h, int x0, int x1, bool vectorize = true)
    {
        int n = x1 - x0;
        int limit = Math.Min(h, SquareLimit);
        // Squares stay below 2^31 here, so the exact int → float conversion serves.
        bool simd = vectorize && Avx2.IsSupported && h <= 46340;
        int[] upArr = new int[n];
        fixed (int* up = upArr)
        {
            // Downward pass: run length since the last zero above (h = none yet).
            new Span<int>(up, n).Fill(h);
            for (int y = 0; y < h; y++)
            {
                byte* s = src + (long)y * ss + x0;
                int* c = (int*)(dst + (long)y * ds + x0);
                int i = 0;
                if (simd)
                {
                    var one = Vector256.Create(1);
                    var cap = Vector256.Create(h);
                    for (; i + 8 <= n; i += 8)
                    {
                        var isZero = Vector256.Equals(Avx2.ConvertToVector256Int32(s + i), Vector256<int>.Zero);
                        var v = Vector256.AndNot(Vector256.Min(Vector256.Load(up + i) + one, cap), isZero);
                        v.Store(up + i);
                        v.Store(c + i);
                    }
                }
                for (; i < n; i++)
                {
                    int v = s[i] == 0 ? 0 : Math.Min(up[i] + 1, h);
                    up[i] = v;
                    c[i] = v;
                }
            }
            // Upward pass: combine with the run length to the next zero below.
            new Span<int>(up, n).Fill(h);
            for (int y = h - 1; y >= 0; y--)
            {
                byte* s = src + (long)y * ss + x0;
                float* d = dst + (long)y * ds + x0;
                int* c = (int*)d;
                int i = 0;
                if (simd)
                {
                    var one = Vector256.Create(1);
                    var cap = Vector256.Create(h);
                    var lim = Vector256.Create(limit);
                    var none = Vector256.Create(NoZero);
                    for (; i + 8 <= n; i += 8)
                    {
                        var isZero = Vector256.Equals(Avx2.ConvertToVector256Int32(s + i), Vector256<int>.Zero);
                        var below = Vector256.AndNot(Vector256.Min(Vector256.Load(up + i) + one, cap), isZero);
                        below.Store(up + i);
                        var dist = Vector256.Min(Vector256.Load(c + i), below);
                        var sq = Vector256.ConvertToSingle(dist * dist);
                        Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(dist, lim).AsSingle(), none, sq).Store(d + i);
                    }
                }
                for (; i < n; i++)
                {
                    int below = s[i] == 0 ? 0 : Math.Min(up[i] + 1, h);
                    up[i] = below;
                    int dist = Math.Min(c[i], below);
                    d[i] = dist >= limit ? NoZero : (float)((uint)dist * (uint)dist);
                }
            }
        }
    }

    /// <summary>The 1-D transform of each row under the lower envelope of parabolas rooted at the column values.</summary>
    private static void Rows(float* dst, int ds, int w, int y0, int y1, float[] sqrArr, float[] invArr)
    {
        var fArr = new float[w];
        var zArr = new float[w + 1];
        var vArr = new int[w];
        fixed (float* f = fArr, z = zArr, sqr = sqrArr, inv = invArr)
        fixed (int* v = vArr)
        {
            int fast = Math.Min(w, SquareLimit);
            for (int y = y0; y < y1; y++)
            {
                float* d = dst + (long)y * ds;
                v[0] = 0;
                z[0] = -Inf;
                z[1] = Inf;
                f[0] = d[0];
                int k = 0;
                int q = 1;
                for (; q < fast; q++)
                {
                    float fq = d[q];
                    f[q] = fq;
                    while (true)
                    {
                        int p = v[k];
                        // OpenCV's order: (f(q) − f(p) + (q² − p² as uint → float)) · (0.5 / (q − p) as float).
                        float s = (fq - f[p] + (float)((uint)q * (uint)q - (uint)p * (uint)p)) * inv[q - p];
                        if (s > z[k])
                        {
                            k++;
                            v[k] = q;
                            z[k] = s;
                            z[k + 1] = Inf;
                            break;
                        }
                        k--;
                    }
                }
                for (; q < w; q++)
                {
                    float fq = d[q];
                    f[q] = fq;
                    while (true)
                    {
                        int p = v[k];
                        float s = (fq - f[p] + (float)(q + p) * (q - p)) * inv[q - p];
                        if (s > z[k])
                        {
                            k++;
                            v[k] = q;
                            z[k] = s;
                            z[k + 1] = Inf;
                            break;
                        }
                        k--;
                    }
                }
                k = 0;
                for (q = 0; q < w; q++)
                {
                    while (z[k + 1] < q) k++;
                    int p = v[k];
                    d[q] = MathF.Sqrt(sqr[Math.Abs(q - p)] + f[p]);
                }
            }
        }
    }
}
