using System.Text.Json;
using SegmentSharp.Drawing;
using SegmentSharp.Imaging;
using SegmentSharp.Testing;

namespace SegmentSharp.Tests.Drawing;

public class BoundariesTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Load()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    private static List<JsonElement> Load()
    {
        string path = Path.Combine(RepoPaths.Fixtures("drawing"), "boundaries.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static int[][] Grid(JsonElement e) =>
        e.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray();

    [Theory]
    [MemberData(nameof(Cases))]
    public void FindEqualsScikitImage(string name)
    {
        var c = Load().Single(x => x.GetProperty("name").GetString() == name);
        int[][] lab = Grid(c.GetProperty("labels"));
        int h = lab.Length, w = lab[0].Length;
        var labels = new Image<int>(w, h);
        for (int y = 0; y < h; y++) lab[y].CopyTo(labels.Row(y));
        foreach (var (mode, key) in new[] { (BoundaryMode.Thick, "thick"), (BoundaryMode.Inner, "inner"), (BoundaryMode.Outer, "outer") })
        {
            int[][] want = Grid(c.GetProperty(key));
            var got = Boundaries.Find(labels, mode);
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                    Assert.True(want[y][x] * 255 == got.Row(y)[x], $"{name} {key}: pixel ({x},{y}) want {want[y][x]} got {got.Row(y)[x]}");
        }
    }

    [Fact]
    public void MarkPaintsBoundariesOverTheImage()
    {
        var gray = new Image<byte>(5, 3);
        gray.Data.AsSpan().Fill(100);
        var labels = new Image<int>(5, 3);
        labels.Row(1)[2] = 7;
        var marked = Boundaries.Mark(gray, labels, Rgb.Red);
        Assert.Equal(3, marked.Channels);
        // Outer mode marks the background 4-neighbours of the single object pixel, not the pixel itself.
        Assert.Equal(new byte[] { 0, 0, 255 }, marked.Row(0).Slice(2 * 3, 3).ToArray());
        Assert.Equal(new byte[] { 100, 100, 100 }, marked.Row(1).Slice(2 * 3, 3).ToArray());
        Assert.Equal(new byte[] { 100, 100, 100 }, marked.Row(0).Slice(0, 3).ToArray());
    }
}
