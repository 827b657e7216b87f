using System.Globalization;
using SegmentSharp.Superpixels;
using SegmentSharp.Testing;

namespace SegmentSharp.Tests.Superpixels;

/// <summary>SLIC against scikit-image 0.19 goldens made by tests/fixtures/superpixels/make_slic.py.</summary>
public class SlicGoldenTests(Xunit.Abstractions.ITestOutputHelper log)
{
    private static string FixturePath => Path.Combine(RepoPaths.Fixtures("superpixels"), "slic.txt");

    public static IEnumerable<object[]> Cases() =>
        File.ReadLines(FixturePath)
            .Where(l => l.Contains(".png ", StringComparison.Ordinal) || l.StartsWith("synthetic:", StringComparison.Ordinal))
            .Select(l => new object[] { l });

    [Theory]
    [MemberData(nameof(Cases))]
    public void EqualsScikitImage(string header)
    {
        var lines = File.ReadAllLines(FixturePath);
        int at = Array.IndexOf(lines, header);
        var f = header.Split(' ');
        string name = f[0];
        int step = Int(f[1]);
        bool gray = f[2] == "1";
        int nSegments = Int(f[3]), maxIter = Int(f[5]);
        double compactness = Double(f[4]), sigma = Double(f[6]);
        bool enforce = f[7] == "1", zero = f[8] == "1";
        int w = Int(f[9]), h = Int(f[10]), count = Int(f[11]);
        var (img, first) = GoldenFixture.Input(lines, at, name, step, gray, w, h);
        var want = GoldenFixture.Labels(lines, first, w, h);

        var got = Slic.Segment(img, nSegments, compactness, maxIter, sigma, enforceConnectivity: enforce, slicZero: zero);
        int ours = got.Data.Distinct().Count();
        int same = 0;
        for (int i = 0; i < want.Length; i++) if (want[i] == got.Data[i]) same++;
        double agreement = (double)same / want.Length;
        double recall = BoundaryRecall(want, got.Data, w, h, 2);
        log.WriteLine($"{header[..header.LastIndexOf(' ')]}: segments ours {ours}, scikit-image {count}; " +
                      $"label agreement {agreement:P3}; boundary recall {recall:P3}");
        Assert.Equal(count, ours);
        Assert.True(recall >= 0.95, $"boundary recall {recall:P3}");
        Assert.Equal(want, got.Data);
    }

    [Fact]
    public void BoundaryRecallSeesMissingBoundaries()
    {
        int[] split = [1, 1, 2, 2, 1, 1, 2, 2];
        int[] whole = [1, 1, 1, 1, 1, 1, 1, 1];
        Assert.Equal(1.0, BoundaryRecall(split, split, 4, 2, 2));
        Assert.Equal(0.0, BoundaryRecall(split, whole, 4, 2, 2));
    }

    /// <summary>
    /// Share of the reference's boundary pixels (a pixel whose right or lower neighbour has another label) that have a
    /// boundary pixel of <paramref name="ours"/> within <paramref name="tolerance"/> pixels (chessboard distance).
    /// </summary>
    private static double BoundaryRecall(int[] reference, int[] ours, int w, int h, int tolerance)
    {
        var want = Boundaries(reference, w, h);
        var got = Boundaries(ours, w, h);
        int total = 0, hit = 0;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                if (!want[y * w + x]) continue;
                total++;
                bool found = false;
                for (int yy = Math.Max(0, y - tolerance); yy <= Math.Min(h - 1, y + tolerance) && !found; yy++)
                    for (int xx = Math.Max(0, x - tolerance); xx <= Math.Min(w - 1, x + tolerance) && !found; xx++)
                        found = got[yy * w + xx];
                if (found) hit++;
            }
        return total == 0 ? 1.0 : (double)hit / total;
    }

    private static bool[] Boundaries(int[] labels, int w, int h)
    {
        var b = new bool[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int p = y * w + x;
                b[p] = (x + 1 < w && labels[p + 1] != labels[p]) || (y + 1 < h && labels[p + w] != labels[p]);
            }
        return b;
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static double Double(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
