using System.Text.Json;

namespace SegmentSharp.CliTests;

/// <summary>`segment evaluate --coco` on small hand-computed COCO files.</summary>
public sealed class EvaluateCocoTests
{
    // One 20x20 image, category 1. GT: a polygon square (2,2)-(12,12) and a crowd RLE. The results: a compressed-RLE copy
    // of the square shifted by 2 columns (IoU 80/120 = 0.667 → matched at 0.50…0.65, AP 0.4) and a detection on the
    // crowd region (ignored).
    private const string Gt = """
        {"images": [{"id": 7, "height": 20, "width": 20}],
         "categories": [{"id": 1, "name": "thing"}],
         "annotations": [
           {"id": 1, "image_id": 7, "category_id": 1, "iscrowd": 0, "segmentation": [[2, 2, 12, 2, 12, 12, 2, 12]]},
           {"id": 2, "image_id": 7, "category_id": 1, "iscrowd": 1, "segmentation": {"size": [20, 20], "counts": [300, 60, 40]}}
         ]}
        """;

    private static string Results()
    {
        // The shifted square as compressed RLE, made with the library itself (round-trip tested in Tests.Coco).
        var rle = SegmentSharp.Coco.PolygonRaster.FromPolygon([4, 2, 14, 2, 14, 12, 4, 12], 20, 20);
        return "[{\"image_id\": 7, \"category_id\": 1, \"score\": 0.9, \"segmentation\": {\"size\": [20, 20], \"counts\": \""
            + rle.ToCompressedString() + "\"}},"
            + "{\"image_id\": 7, \"category_id\": 1, \"score\": 0.95, \"segmentation\": {\"size\": [20, 20], \"counts\": [310, 20, 70]}}]";
    }

    [Fact]
    public void PrintsApAsCocoEval()
    {
        using var s = new EvalScratch();
        File.WriteAllText(s.P("gt.json"), Gt);
        File.WriteAllText(s.P("res.json"), Results());
        var r = EvalScratch.Run("evaluate", s.P("res.json"), s.P("gt.json"), "--coco", "--format", "json", "--csv", s.P("out/scores.csv"));
        Assert.Equal(0, r.ExitCode);
        var j = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal(0.4, j.GetProperty("ap").GetDouble(), 12);
        Assert.Equal(1.0, j.GetProperty("ap50").GetDouble());
        Assert.Equal(0.0, j.GetProperty("ap75").GetDouble());
        Assert.Equal(2, j.GetProperty("detections").GetInt32());
        Assert.Contains("ap50,,1", File.ReadAllText(s.P("out/scores.csv")));

        var table = EvalScratch.Run("evaluate", s.P("res.json"), s.P("gt.json"), "--coco");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("AP50   1.0000", table.Stdout);
    }

    [Fact]
    public void BadFilesFailWithOneLine()
    {
        using var s = new EvalScratch();
        File.WriteAllText(s.P("gt.json"), Gt);
        File.WriteAllText(s.P("bad.json"), "{ not json");
        var r = EvalScratch.Run("evaluate", s.P("bad.json"), s.P("gt.json"), "--coco");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("segment evaluate: error: ", r.Stderr);
        Assert.Contains("bad.json", r.Stderr);
        Assert.Single(r.Stderr.TrimEnd().Split('\n'));

        File.WriteAllText(s.P("other.json"), "[{\"image_id\": 99, \"category_id\": 1, \"score\": 1, \"segmentation\": [[0,0,1,0,1,1]]}]");
        r = EvalScratch.Run("evaluate", s.P("other.json"), s.P("gt.json"), "--coco");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("image 99", r.Stderr);

        r = EvalScratch.Run("evaluate", s.P("missing.json"), s.P("gt.json"), "--coco");
        Assert.Equal(1, r.ExitCode);

        r = EvalScratch.Run("evaluate", s.P("res.json"), s.P("gt.json"), "--coco", "--labels");
        Assert.Equal(2, r.ExitCode);
    }
}
