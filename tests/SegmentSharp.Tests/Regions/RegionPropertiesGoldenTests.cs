using System.Globalization;
using SegmentSharp.Codecs;
using SegmentSharp.Components;
using SegmentSharp.Imaging;
using SegmentSharp.Regions;

namespace SegmentSharp.Tests.Regions;

/// <summary>
/// Region properties against golden values from scikit-image 0.19.3, made by
/// tests/fixtures/regionprops/make_regionprops.py (1e-6 relative, or 1e-6 absolute near zero).
/// </summary>
public class RegionPropertiesGoldenTests
{
    private static string Fixture(string name) => Path.Combine(RepoPaths.Fixtures("regionprops"), name);

    [Theory]
    [InlineData("coins", "coins.png", true)]
    [InlineData("page", "page.png", false)]
    public void SampleImages(string name, string sample, bool brightObjects)
    {
        var gray = ImageFile.ReadGray(RepoPaths.Sample(sample));
        var mask = new Image<byte>(gray.Width, gray.Height);
        for (int i = 0; i < gray.Data.Length; i++)
            mask.Data[i] = (brightObjects ? gray.Data[i] > 110 : gray.Data[i] < 128) ? (byte)255 : (byte)0;
        var labels = ConnectedComponents.Label(mask.ReadOnlyView, Connectivity.Eight, out int count);
        // scikit-image numbers components in raster order of their first pixel; renumber ours the same way.
        var map = new int[count];
        int next = 0;
        for (int i = 0; i < labels.Data.Length; i++)
        {
            int l = labels.Data[i];
            if (l != 0 && map[l] == 0) map[l] = ++next;
            labels.Data[i] = map[l];
        }
        Compare(name, RegionProperties.Measure(labels, count - 1, gray));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void SyntheticLabelImages(int seed)
    {
        var lines = File.ReadAllLines(Fixture($"synthetic_{seed}.txt"));
        var size = lines[0].Split(' ');
        int w = int.Parse(size[0], CultureInfo.InvariantCulture), h = int.Parse(size[1], CultureInfo.InvariantCulture);
        var labels = new Image<int>(w, h);
        var intensity = new Image<byte>(w, h);
        int max = 0;
        for (int y = 0; y < h; y++)
        {
            var cells = lines[1 + y].Split(' ');
            for (int x = 0; x < w; x++)
            {
                var lv = cells[x].Split(':');
                labels.Row(y)[x] = int.Parse(lv[0], CultureInfo.InvariantCulture);
                intensity.Row(y)[x] = byte.Parse(lv[1], CultureInfo.InvariantCulture);
                max = Math.Max(max, labels.Row(y)[x]);
            }
        }
        Compare($"synthetic_{seed}", RegionProperties.Measure(labels, max, intensity));
    }

    [Fact]
    public void WithoutIntensityTheIntensityFieldsAreNaNAndTheRestIsTheSame()
    {
        var labels = new Image<int>(5, 4);
        labels.Row(1)[1] = 1; labels.Row(1)[2] = 1; labels.Row(2)[2] = 1; labels.Row(3)[4] = 3;
        var r = RegionProperties.Measure(labels, 3);
        Assert.Equal(3, r.Length);
        Assert.Equal(3, r[0].Area);
        Assert.True(double.IsNaN(r[0].MeanIntensity));
        Assert.Equal(0, r[1].Area); // label 2 absent
        Assert.Equal(1, r[2].Area);
        Assert.Equal(1, r[2].ConvexArea);
        Assert.Equal(1, r[2].EulerNumber);
    }

    [Fact]
    public void StridedViewsGiveTheSameAsACopy()
    {
        var rng = new Random(12);
        var big = new Image<int>(40, 30);
        var gray = new Image<byte>(40, 30);
        for (int i = 0; i < big.Data.Length; i++) { big.Data[i] = rng.Next(4); gray.Data[i] = (byte)rng.Next(256); }
        var view = big.ReadOnlyView.Slice(5, 3, 27, 21);
        var gview = gray.ReadOnlyView.Slice(5, 3, 27, 21);
        var copy = new Image<int>(27, 21);
        var gcopy = new Image<byte>(27, 21);
        for (int y = 0; y < 21; y++) { view.Row(y).CopyTo(copy.Row(y)); gview.Row(y).CopyTo(gcopy.Row(y)); }
        var a = RegionProperties.Measure(view, 3, gview);
        var b = RegionProperties.Measure(copy, 3, gcopy);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(b[i].Area, a[i].Area);
            Assert.Equal(b[i].Perimeter, a[i].Perimeter);
            Assert.Equal(b[i].ConvexArea, a[i].ConvexArea);
            Assert.Equal(b[i].EulerNumber, a[i].EulerNumber);
            Assert.Equal(b[i].Orientation, a[i].Orientation);
            Assert.Equal(b[i].MeanIntensity, a[i].MeanIntensity);
        }
    }

    private static void Compare(string name, RegionProps[] ours)
    {
        var lines = File.ReadAllLines(Fixture(name + ".csv"));
        var cols = lines[0].Split(',');
        var present = ours.Where(r => r.Area > 0).ToArray();
        Assert.True(lines.Length - 1 == present.Length, $"{name}: {lines.Length - 1} regions in scikit-image, ours {present.Length}");
        for (int i = 1; i < lines.Length; i++)
        {
            var v = lines[i].Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            var r = present[i - 1];
            double[] a = [r.Label, r.Area, r.MinRow, r.MinCol, r.MaxRow, r.MaxCol, r.CentroidRow, r.CentroidCol, r.Perimeter,
                r.EquivalentDiameter, r.Eccentricity, r.Orientation, r.MajorAxisLength, r.MinorAxisLength, r.ConvexArea,
                r.Solidity, r.Extent, r.EulerNumber, r.MeanIntensity, r.MinIntensity, r.MaxIntensity];
            for (int k = 0; k < a.Length; k++)
            {
                double e = v[k];
                bool ok = e == a[k] || Math.Abs(e - a[k]) <= 1e-6 * Math.Max(1.0, Math.Abs(e));
                // orientation: ±π/2 describe the same axis
                if (!ok && cols[k] == "orientation" && Math.Abs(Math.Abs(e) - Math.PI / 2) < 1e-9 && Math.Abs(Math.Abs(a[k]) - Math.PI / 2) < 1e-9) ok = true;
                Assert.True(ok, $"{name} label {v[0]} {cols[k]}: scikit-image {e:R}, ours {a[k]:R}");
            }
        }
    }
}
