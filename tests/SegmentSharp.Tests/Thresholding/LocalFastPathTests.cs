using System.Text.Json;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding.Local;
using Local = SegmentSharp.Thresholding.Local.LocalThreshold;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>
/// The fused mask-only paths (<see cref="MomentKernel"/>, <see cref="RangeKernel"/>) against the reference path that
/// materialises the threshold surface T and compares <c>pixel &gt; T</c>: the masks must be identical, bit for bit,
/// on odd shapes, strides, flat and binary images, windows up to and beyond the 32-bit limit, and parameters that
/// make exact ties (T an integer) likely.
/// </summary>
public class LocalFastPathTests
{
    private static readonly (int W, int H)[] Shapes =
        [(1, 1), (2, 3), (3, 2), (5, 7), (7, 4), (8, 3), (9, 5), (31, 4), (32, 3), (33, 6), (63, 9), (64, 5), (65, 7), (97, 41)];

    private static readonly int[] Windows = [3, 5, 15, 31, 101, 257, 259];

    private static readonly string[] Kinds = ["random", "smooth", "binary", "zero", "255", "levels"];

    internal static byte[] Make(int w, int h, int stride, string kind, int seed)
    {
        var rnd = new Random(seed);
        var d = new byte[(h - 1) * stride + w];
        for (int i = 0; i < d.Length; i++)
            d[i] = kind switch
            {
                "zero" => 0,
                "255" => 255,
                "binary" => (byte)(rnd.Next(2) * 255),
                // Few distinct levels: flat patches, exact ties and integer thresholds are frequent.
                "levels" => (byte)(rnd.Next(4) * 64),
                _ => (byte)rnd.Next(256),
            };
        if (kind == "smooth")
            for (int i = 1; i < d.Length; i++) d[i] = (byte)((d[i] + 7 * d[i - 1]) / 8);
        return d;
    }

    private static Image<byte> MaskOnly(string method, ReadOnlyImageView<byte> src, int window, double[] prm) => method switch
    {
        "niblack" => Local.Niblack(src, window, prm[0]),
        "sauvola" => Local.Sauvola(src, window, prm[0], prm[1]),
        "wolf" => Local.Wolf(src, window, prm[0]),
        "nick" => Local.Nick(src, window, prm[0]),
        "bradley" => Local.Bradley(src, window, prm[0]),
        "phansalkar" => Local.Phansalkar(src, window, prm[0], prm[1], prm[2], prm[3]),
        "bernsen" => Local.Bernsen(src, window, (int)prm[0]),
        "contrast" => Local.Contrast(src, window),
        "midgrey" => Local.MidGrey(src, window, (int)prm[0]),
        _ => throw new ArgumentException(method),
    };

    // Per method: the defaults, then values that make T land on integers or flip signs.
    private static IEnumerable<double[]> Params(string method) => method switch
    {
        "niblack" => [[0.2], [0.5], [-0.2], [0], [1]],
        "sauvola" => [[0.2, 127.5], [0.5, 128], [-0.1, 64], [0, 127.5]],
        "wolf" => [[0.5], [0.2], [-0.3]],
        "nick" => [[-0.1], [0.2], [0]],
        "bradley" => [[0.15], [0.5], [0], [-0.25]],
        "phansalkar" => [[0.25, 0.5, 2, 10], [0.5, 0.25, 0, 3]],
        "bernsen" => [[15], [0], [255], [300]],
        "contrast" => [[]],
        "midgrey" => [[0], [5], [-7], [600]],
        _ => throw new ArgumentException(method),
    };

    public static TheoryData<string> MethodNames()
    {
        var d = new TheoryData<string>();
        foreach (var m in LocalNaive.Methods) d.Add(m);
        return d;
    }

    [Theory]
    [MemberData(nameof(MethodNames))]
    public void MaskOnlyEqualsReferenceMask(string method)
    {
        int saved = Parallelism.MaxDegreeOfParallelism, cases = 0;
        try
        {
            int seed = method.Length * 977;
            foreach (var (w, h) in Shapes)
                foreach (int window in Windows)
                {
                    if (window > 101 && w * h > 300) continue;
                    string kind = Kinds[seed++ % Kinds.Length];
                    int stride = w + 3;
                    var data = Make(w, h, stride, kind, seed);
                    var src = new ReadOnlyImageView<byte>(data, w, h, 1, stride);
                    foreach (var prm in Params(method))
                    {
                        Parallelism.MaxDegreeOfParallelism = 1 + (seed & 1);
                        var (reference, _) = LocalNaive.Run(method, src, window, prm);
                        var fast = MaskOnly(method, src, window, prm);
                        Assert.True(reference.Data.AsSpan().SequenceEqual(fast.Data),
                            $"{method} [{string.Join(", ", prm)}] {w}x{h} {kind} window {window}: first difference at " +
                            $"{reference.Data.AsSpan().CommonPrefixLength(fast.Data)}");
                        cases++;
                    }
                }
        }
        finally { Parallelism.MaxDegreeOfParallelism = saved; }
        Assert.True(cases >= 80, cases.ToString());
    }

    [Fact]
    public void LargerPagesInParallelBandsMatchTheReference()
    {
        // Tall enough for several bands, wide enough for many vectors; smooth so that both kinds of window occur.
        const int w = 301, h = 260;
        var data = Make(w, h, w, "smooth", 5);
        var src = new ReadOnlyImageView<byte>(data, w, h, 1, w);
        int saved = Parallelism.MaxDegreeOfParallelism;
        try
        {
            Parallelism.MaxDegreeOfParallelism = 4;
            foreach (var method in LocalNaive.Methods)
                foreach (int window in new[] { 15, 51 })
                {
                    var prm = LocalNaive.Defaults(method);
                    var (reference, _) = LocalNaive.Run(method, src, window, prm);
                    Assert.True(reference.Data.AsSpan().SequenceEqual(MaskOnly(method, src, window, prm).Data), $"{method} window {window}");
                }
        }
        finally { Parallelism.MaxDegreeOfParallelism = saved; }
    }

    /// <summary>
    /// A page-sized check of the fused paths (float32 screen included) on real text: the sample page tiled 3×4 with
    /// grain added to some tiles and blank paper (flat windows) between them, against the path that materialises T.
    /// </summary>
    [Fact]
    public void TiledSamplePageMatchesTheSurfacePath()
    {
        var page = SegmentSharp.Codecs.ImageFile.ReadGray(RepoPaths.Sample("page.png"));
        int pw = page.Width, ph = page.Height, w = 3 * pw + 40, h = 4 * ph + 30;
        var img = new Image<byte>(w, h);
        img.Data.AsSpan().Fill(236);
        var rng = new Random(61);
        for (int ty = 0; ty < 4; ty++)
            for (int tx = 0; tx < 3; tx++)
            {
                int grain = (tx + ty) % 3 == 0 ? 0 : 6 * ((tx + ty) % 3);
                for (int y = 0; y < ph; y++)
                    for (int x = 0; x < pw; x++)
                        img.Data[(ty * ph + 10 + y) * w + tx * pw + 15 + x] =
                            (byte)Math.Clamp(page.Data[y * pw + x] + (grain > 0 ? rng.Next(-grain, grain + 1) : 0), 0, 255);
            }
        foreach (int window in new[] { 15, 101 })
        {
            var t = new Image<double>(w, h);
            Assert.Equal(Local.Niblack(img, window, 0.2, t).Data, Local.Niblack(img, window, 0.2).Data);
            Assert.Equal(Local.Sauvola(img, window, 0.2, 127.5, t).Data, Local.Sauvola(img, window).Data);
            Assert.Equal(Local.Sauvola(img, window, 0.5, 128, t).Data, Local.Sauvola(img, window, 0.5, 128).Data);
            Assert.Equal(Local.Wolf(img, window, 0.5, t).Data, Local.Wolf(img, window).Data);
        }
    }

    /// <summary>The mask-only Niblack and Sauvola equal scikit-image's <c>image &gt; threshold_*</c> bit for bit.</summary>
    [Fact]
    public void MaskOnlyEqualsScikitImageGoldens()
    {
        string dir = RepoPaths.Fixtures("localm");
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "golden.json")));
        byte[] blob = File.ReadAllBytes(Path.Combine(dir, "golden.bin"));
        int pixels = 0;
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            int w = c.GetProperty("width").GetInt32(), h = c.GetProperty("height").GetInt32(), n = w * h;
            int window = c.GetProperty("window").GetInt32();
            double k = c.GetProperty("k").GetDouble();
            int input = c.GetProperty("input").GetInt32(), tOff = c.GetProperty("t").GetInt32();
            var img = new Image<byte>(blob.AsSpan(input, n).ToArray(), w, h);
            var mask = c.GetProperty("method").GetString() == "niblack" ? Local.Niblack(img, window, k) : Local.Sauvola(img, window, k);
            for (int i = 0; i < n; i++)
            {
                double t = BitConverter.ToDouble(blob, tOff + 8 * i);
                Assert.Equal(img.Data[i] > t ? 255 : 0, mask.Data[i]);
                pixels++;
            }
        }
        Assert.True(pixels > 10000);
    }

    [Fact]
    public unsafe void FastMaxStdAgreesWithTheFloatPass()
    {
        foreach (var (w, h, window) in new[] { (40, 30, 5), (97, 41, 15), (9, 200, 3), (300, 20, 101) })
        {
            foreach (string kind in new[] { "random", "smooth", "levels", "zero" })
            {
                var data = Make(w, h, w + 1, kind, w + h + window);
                fixed (byte* p = data)
                {
                    var plane = new LocalPlane(p, w, h, w + 1);
                    // The float64 √(Σp²/N − m²) of every window, maximised, agrees to rounding with √V_max / N.
                    var box = new System.Runtime.CompilerServices.StrongBox<double>(0);
                    LocalDriver.Run(plane, window, new MaxStdRule(box), null, 0, null, 0);
                    double fast = LocalDriver.MaxStd(plane, window);
                    Assert.True(Math.Abs(fast - box.Value) <= 1e-12 * Math.Max(1, box.Value), $"{fast:R} vs {box.Value:R}");
                    // The engine for windows past the 32-bit limit gives the same value bit for bit.
                    var big = new System.Runtime.CompilerServices.StrongBox<Int128>(0);
                    LocalDriver.Run(plane, window, new MaxVRule(big), null, 0, null, 0);
                    Assert.Equal(BitConverter.DoubleToInt64Bits(Math.Sqrt((double)big.Value) / ((double)window * window)),
                        BitConverter.DoubleToInt64Bits(fast));
                }
            }
        }
    }
}
