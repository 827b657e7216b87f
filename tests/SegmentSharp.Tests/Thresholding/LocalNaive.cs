using SegmentSharp.Imaging;
using Local = SegmentSharp.Thresholding.Local.LocalThreshold;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>
/// Direct O(w²)-per-pixel references for the local methods: every window sample is fetched through the reflect-101
/// mapping written out here independently (numpy 'reflect', repeated), and each formula is evaluated from its paper.
/// </summary>
internal static class LocalNaive
{
    public static int Reflect(long i, int n)
    {
        if (n == 1) return 0;
        long p = 2L * (n - 1);
        // Walk back into range one bounce at a time — slow but obviously numpy's repeated reflection.
        i %= p;
        if (i < 0) i += p;
        return (int)(i < n ? i : p - i);
    }

    public static (long Sum, long SumSq, byte Min, byte Max) Window(byte[] data, int w, int h, int stride, int x, int y, int window)
    {
        // How many times each row / column occurs in the padded window, counted position by position.
        int r = window / 2;
        var cy = new long[h]; var cx = new long[w];
        for (int d = -r; d <= r; d++) { cy[Reflect(y + d, h)]++; cx[Reflect(x + d, w)]++; }
        long s = 0, q = 0; byte mn = 255, mx = 0;
        for (int yy = 0; yy < h; yy++)
        {
            if (cy[yy] == 0) continue;
            for (int xx = 0; xx < w; xx++)
            {
                if (cx[xx] == 0) continue;
                long c = cy[yy] * cx[xx];
                byte v = data[yy * stride + xx];
                s += c * v; q += c * v * v;
                if (v < mn) mn = v;
                if (v > mx) mx = v;
            }
        }
        return (s, q, mn, mx);
    }

    /// <summary>The threshold surface of a method by direct evaluation.</summary>
    public static double[] Surface(string method, byte[] data, int w, int h, int stride, int window, double[] prm)
    {
        var t = new double[w * h];
        double n = (double)window * window;
        double globalMin = 255, smax = 0;
        if (method == "wolf")
        {
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                {
                    globalMin = Math.Min(globalMin, data[y * stride + x]);
                    var (s0, q0, _, _) = Window(data, w, h, stride, x, y, window);
                    smax = Math.Max(smax, Std(s0, q0, n));
                }
        }
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                var (s, q, mn, mx) = Window(data, w, h, stride, x, y, window);
                double m = s / n, sd = Std(s, q, n);
                t[y * w + x] = method switch
                {
                    "niblack" => m - prm[0] * sd,
                    "sauvola" => m * (1 + prm[0] * ((sd / prm[1]) - 1)),
                    "wolf" => (1 - prm[0]) * m + prm[0] * globalMin + prm[0] * (smax > 0 ? sd / smax : 0) * (m - globalMin),
                    "nick" => m + prm[0] * Math.Sqrt(Math.Max((q - m * m) / n, 0)),
                    "bradley" => m * (1 - prm[0]),
                    "phansalkar" => 255 * (m / 255 * (1 + prm[2] * Math.Exp(-prm[3] * m / 255) + prm[0] * ((sd / 255 / prm[1]) - 1))),
                    "bernsen" => mx - mn < prm[0] ? ((mn + mx) / 2 >= 128 ? -1 : 255) : (mn + mx) / 2 - 0.5,
                    "contrast" => Math.Max((mn + mx) / 2.0 - 0.5, 0),
                    "midgrey" => (mn + mx) / 2 - prm[0],
                    _ => throw new ArgumentException(method),
                };
            }
        return t;
    }

    private static double Std(long s, long q, double n)
    {
        double m = s / n;
        return Math.Sqrt(Math.Max(q / n - m * m, 0));
    }

    /// <summary>Runs the library method of that name with the given parameters, returning mask and surface.</summary>
    public static (Image<byte> Mask, Image<double> T) Run(string method, ReadOnlyImageView<byte> src, int window, double[] prm)
    {
        var t = new Image<double>(src.Width, src.Height);
        var mask = method switch
        {
            "niblack" => Local.Niblack(src, window, prm[0], t),
            "sauvola" => Local.Sauvola(src, window, prm[0], prm[1], t),
            "wolf" => Local.Wolf(src, window, prm[0], t),
            "nick" => Local.Nick(src, window, prm[0], t),
            "bradley" => Local.Bradley(src, window, prm[0], t),
            "phansalkar" => Local.Phansalkar(src, window, prm[0], prm[1], prm[2], prm[3], t),
            "bernsen" => Local.Bernsen(src, window, (int)prm[0], t),
            "contrast" => Local.Contrast(src, window, t),
            "midgrey" => Local.MidGrey(src, window, (int)prm[0], t),
            _ => throw new ArgumentException(method),
        };
        return (mask, t);
    }

    /// <summary>Default parameters of each method, as the library documents them.</summary>
    public static double[] Defaults(string method) => method switch
    {
        "niblack" => [0.2],
        "sauvola" => [0.2, 127.5],
        "wolf" => [0.5],
        "nick" => [-0.1],
        "bradley" => [0.15],
        "phansalkar" => [0.25, 0.5, 2, 10],
        "bernsen" => [15],
        "contrast" => [],
        "midgrey" => [0],
        _ => throw new ArgumentException(method),
    };

    public static readonly string[] Methods = ["niblack", "sauvola", "wolf", "nick", "bradley", "phansalkar", "bernsen", "contrast", "midgrey"];
}
