using System.Text.Json;
using SegmentSharp.Imaging;
using Local = SegmentSharp.Thresholding.Local.LocalThreshold;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>
/// Niblack and Sauvola against scikit-image 0.19's <c>threshold_niblack</c>/<c>threshold_sauvola</c>, from the goldens
/// made by tests/fixtures/localm/make_golden.py (crops of page/text/coins, random, 1×N, N×1, 1×1, constant and binary
/// images; windows 3 to 101, larger than the image too).
/// </summary>
public class LocalGoldenTests
{
    public sealed record Case(string Name, string Method, int Window, double K, int Width, int Height, int Input, int T);

    private static readonly Lazy<(Case[] Cases, byte[] Blob)> Golden = new(() =>
    {
        string dir = RepoPaths.Fixtures("localm");
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "golden.json")));
        var cases = doc.RootElement.GetProperty("cases").EnumerateArray().Select(e => new Case(
            e.GetProperty("name").GetString()!, e.GetProperty("method").GetString()!, e.GetProperty("window").GetInt32(),
            e.GetProperty("k").GetDouble(), e.GetProperty("width").GetInt32(), e.GetProperty("height").GetInt32(),
            e.GetProperty("input").GetInt32(), e.GetProperty("t").GetInt32())).ToArray();
        return (cases, File.ReadAllBytes(Path.Combine(dir, "golden.bin")));
    });

    [Fact]
    public void GoldenFileHasTheExpectedCases()
    {
        var (cases, _) = Golden.Value;
        Assert.Equal(136, cases.Length);
        Assert.Contains(cases, c => c.Window > c.Width && c.Window > c.Height);
        Assert.Contains(cases, c => c.Width == 1);
        Assert.Contains(cases, c => c.Height == 1);
    }

    /// <summary>
    /// T equals scikit-image's bit for bit: the window sums are exact integers in both, and the mean, deviation and
    /// formula are evaluated in the same float64 order. (The asserted tolerance is 0; the message shows the worst error.)
    /// </summary>
    [Fact]
    public void ThresholdSurfaceEqualsScikitImage()
    {
        var (cases, blob) = Golden.Value;
        int checkedValues = 0;
        foreach (var c in cases)
        {
            var (img, expected) = Load(c, blob);
            var t = new Image<double>(c.Width, c.Height);
            var mask = c.Method == "niblack" ? Local.Niblack(img, c.Window, c.K, t) : Local.Sauvola(img, c.Window, c.K, threshold: t);
            for (int i = 0; i < expected.Length; i++)
            {
                double got = t.Data[i];
                Assert.True(BitConverter.DoubleToInt64Bits(got) == BitConverter.DoubleToInt64Bits(expected[i]),
                    $"{c.Method} {c.Name} w={c.Window} k={c.K} at {i % c.Width},{i / c.Width}: {got:R} vs skimage {expected[i]:R}");
                // The mask is skimage's `image > t`.
                Assert.Equal(img.Data[i] > expected[i] ? 255 : 0, mask.Data[i]);
                checkedValues++;
            }
        }
        Assert.True(checkedValues > 10000, checkedValues.ToString());
    }

    private static (Image<byte> Img, double[] T) Load(Case c, byte[] blob)
    {
        int n = c.Width * c.Height;
        var img = new Image<byte>(blob.AsSpan(c.Input, n).ToArray(), c.Width, c.Height);
        var t = new double[n];
        for (int i = 0; i < n; i++) t[i] = BitConverter.ToDouble(blob, c.T + 8 * i);
        return (img, t);
    }
}
