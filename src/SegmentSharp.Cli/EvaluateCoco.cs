using System.Text.Json;
using SegmentSharp.Coco;

namespace SegmentSharp.Cli;

/// <summary>
/// `segment evaluate PRED.json GT.json --coco`: COCO instance-segmentation AP of a results file against a ground-truth
/// file, as pycocotools' <c>COCOeval(iouType='segm')</c> summarises it (area "all", 100 detections per image).
/// </summary>
internal static class EvaluateCoco
{
    public static int Run(EvaluateOptions o, TextWriter stdout)
    {
        var (gt, images, sizes) = ReadGroundTruth(o.Gt);
        var dt = ReadResults(o.Pred, sizes);
        var s = CocoEvaluation.Evaluate(gt, dt, images);

        string text = o.Format switch
        {
            EvaluateFormat.Json => JsonText(s, images.Count, gt.Count, dt.Count),
            EvaluateFormat.Csv => CsvText(s),
            _ => TableText(s, images.Count, gt.Count, dt.Count),
        };
        stdout.Write(text);
        if (o.CsvPath is not null) CommandRunner.WriteText(o.CsvPath, "CSV", CsvText(s));
        if (o.JsonPath is not null) CommandRunner.WriteText(o.JsonPath, "JSON", JsonText(s, images.Count, gt.Count, dt.Count));
        return s.AP < 0 ? ExitCodes.Failure : ExitCodes.Ok;
    }

    private static string F(double v) => v.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);

    private static string TableText(CocoScores s, int images, int gts, int dts)
    {
        var w = new StringWriter { NewLine = "\n" };
        w.WriteLine($"COCO segm evaluation: {images} images, {gts} ground-truth instances, {dts} detections");
        w.WriteLine($"AP     {F(s.AP)}   (IoU 0.50:0.95, area all, maxDets 100)");
        w.WriteLine($"AP50   {F(s.AP50)}");
        w.WriteLine($"AP75   {F(s.AP75)}");
        w.WriteLine($"AR100  {F(s.AR)}");
        foreach (var (cat, ap) in s.PerCategoryAP) w.WriteLine($"category {cat}: AP {F(ap)}");
        return w.ToString();
    }

    private static string CsvText(CocoScores s)
    {
        var w = new StringWriter { NewLine = "\n" };
        w.WriteLine("metric,category,value");
        w.WriteLine($"ap,,{Json.Num(s.AP)}");
        w.WriteLine($"ap50,,{Json.Num(s.AP50)}");
        w.WriteLine($"ap75,,{Json.Num(s.AP75)}");
        w.WriteLine($"ar100,,{Json.Num(s.AR)}");
        foreach (var (cat, ap) in s.PerCategoryAP) w.WriteLine($"ap,{cat},{Json.Num(ap)}");
        return w.ToString();
    }

    private static string JsonText(CocoScores s, int images, int gts, int dts) =>
        Json.Object(
            ("mode", Json.Str("coco")), ("images", Json.Num(images)), ("ground_truth", Json.Num(gts)), ("detections", Json.Num(dts)),
            ("ap", Json.Num(s.AP)), ("ap50", Json.Num(s.AP50)), ("ap75", Json.Num(s.AP75)), ("ar100", Json.Num(s.AR)),
            ("categories", Json.Array(s.PerCategoryAP.Select(kv => Json.Object(("id", Json.Num(kv.Key)), ("ap", Json.Num(kv.Value))))))) + "\n";

    private static JsonElement Load(string path, string role)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"cannot read the {role} file {path}: {e.Message}");
        }
        try { return JsonDocument.Parse(text).RootElement; }
        catch (JsonException e) { throw new CommandFailedException($"{path} is not valid JSON ({e.Message}); give a COCO {role} file"); }
    }

    private static (List<CocoGroundTruth>, List<long>, Dictionary<long, (int H, int W)>) ReadGroundTruth(string path)
    {
        var root = Load(path, "ground-truth");
        try
        {
            var sizes = new Dictionary<long, (int, int)>();
            foreach (var img in root.GetProperty("images").EnumerateArray())
                sizes[img.GetProperty("id").GetInt64()] = (img.GetProperty("height").GetInt32(), img.GetProperty("width").GetInt32());
            var gts = new List<CocoGroundTruth>();
            foreach (var a in root.GetProperty("annotations").EnumerateArray())
            {
                long image = a.GetProperty("image_id").GetInt64();
                if (!sizes.TryGetValue(image, out var size)) throw new FormatException($"annotation of unknown image {image}");
                bool crowd = a.TryGetProperty("iscrowd", out var c) && c.GetInt32() != 0;
                gts.Add(new CocoGroundTruth(a.GetProperty("id").GetInt64(), image, a.GetProperty("category_id").GetInt64(),
                    Segmentation(a.GetProperty("segmentation"), size.Item1, size.Item2), crowd));
            }
            return (gts, sizes.Keys.ToList(), sizes);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new CommandFailedException($"{path} is not a COCO ground-truth file: {e.Message}");
        }
    }

    private static List<CocoDetection> ReadResults(string path, Dictionary<long, (int H, int W)> sizes)
    {
        var root = Load(path, "results");
        try
        {
            var list = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("annotations", out var anns) ? anns : root;
            var dts = new List<CocoDetection>();
            long id = 0;
            foreach (var a in list.EnumerateArray())
            {
                long image = a.GetProperty("image_id").GetInt64();
                id++;
                // pycocotools' loadRes refuses results on images the ground truth does not have.
                if (!sizes.TryGetValue(image, out var size)) throw new FormatException($"result {id} is on image {image}, which the ground truth does not list");
                dts.Add(new CocoDetection(id, image, a.GetProperty("category_id").GetInt64(),
                    Segmentation(a.GetProperty("segmentation"), size.H, size.W), a.GetProperty("score").GetDouble()));
            }
            return dts;
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new CommandFailedException($"{path} is not a COCO results file (a list of {{image_id, category_id, segmentation, score}}): {e.Message}");
        }
    }

    /// <summary>A segmentation in any of COCO's three forms: polygons, uncompressed RLE, compressed RLE (COCO.annToRLE).</summary>
    private static Rle Segmentation(JsonElement seg, int h, int w)
    {
        if (seg.ValueKind == JsonValueKind.Array)
        {
            var polys = seg.EnumerateArray().Select(p => p.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToList();
            return PolygonRaster.FromPolygons(polys, h, w);
        }
        var counts = seg.GetProperty("counts");
        var size = seg.GetProperty("size").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        if (size.Length != 2) throw new FormatException("an RLE size must be [height, width]");
        if (counts.ValueKind == JsonValueKind.String) return Rle.FromCompressedString(counts.GetString()!, size[0], size[1]);
        return new Rle(size[0], size[1], counts.EnumerateArray().Select(v => v.GetUInt32()).ToArray());
    }
}
