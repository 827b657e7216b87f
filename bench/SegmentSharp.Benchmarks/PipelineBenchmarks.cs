using BenchmarkDotNet.Attributes;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;
using SegmentSharp.Pipelines;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// One image through seed 004's recipe as a pipeline (decode a ~2 MP PNG, blur 5, Otsu inverse, open with a 5x5
/// ellipse, contours JSON, stats CSV), per op; [MemoryDiagnoser] reports the managed bytes allocated per image, which
/// is what batch processing pays again for every file. The output files are rewritten in place each op.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private Pipeline _pipeline = null!;
    private string _input = null!, _stem = null!;

    [GlobalSetup]
    public void Setup()
    {
        string dir = Path.Combine(Path.GetTempPath(), "segmentsharp-pipeline-bench");
        Directory.CreateDirectory(dir);
        _input = Path.Combine(dir, "coins-2mp.png");
        _stem = Path.Combine(dir, "out");
        // coins.png tiled to 1632x1232 (2.0 MP): many separate objects, as a plate of samples would have.
        var tile = ImageFile.ReadGray(BenchPaths.Sample("coins.png"));
        var big = new Image<byte>(1632, 1232);
        for (int y = 0; y < big.Height; y++)
        {
            ReadOnlySpan<byte> src = tile.Row(y % tile.Height);
            Span<byte> dst = big.Row(y);
            for (int x = 0; x < big.Width; x++) dst[x] = src[x % src.Length];
        }
        ImageFile.Write(_input, big);
        _pipeline = Pipeline.Create().Blur(5).Binarize("otsu", invert: true).Open("ellipse:5x5").WriteContours().WriteStats();
        _pipeline.Run(_input, _stem);
    }

    [Benchmark]
    public int Seed004Recipe() => _pipeline.Run(_input, _stem).ComponentCount ?? 0;
}

/// <summary>`--pipeline-alloc`: managed bytes each step of seed 004's recipe allocates on a warm run (where to pool next).</summary>
internal static class PipelineAllocProbe
{
    public static int Run()
    {
        var b = new PipelineBenchmarks();
        b.Setup();
        var p = Pipeline.Create().Blur(5).Binarize("otsu", invert: true).Open("ellipse:5x5").WriteContours().WriteStats();
        string input = Path.Combine(Path.GetTempPath(), "segmentsharp-pipeline-bench", "coins-2mp.png");
        string stem = Path.Combine(Path.GetTempPath(), "segmentsharp-pipeline-bench", "probe");
        for (int warm = 0; warm < 3; warm++) p.Run(input, stem);
        long d0 = GC.GetAllocatedBytesForCurrentThread();
        byte[] data = File.ReadAllBytes(input);
        long d1 = GC.GetAllocatedBytesForCurrentThread();
        byte[]? rented = null;
        var gray = ImageFile.DecodeGray(data, (w, h) => new Image<byte>(rented = System.Buffers.ArrayPool<byte>.Shared.Rent(w * h), w, h));
        long d2 = GC.GetAllocatedBytesForCurrentThread();
        Console.WriteLine($"read file {d1 - d0:N0} B, decode {d2 - d1:N0} B");
        var c = new PipelineContext(input, stem, gray, PipelineRunOptions.Default);
        foreach (var s in p.Steps)
        {
            long a = GC.GetAllocatedBytesForCurrentThread();
            s.Run(c);
            Console.WriteLine($"{s.Name,-16} {GC.GetAllocatedBytesForCurrentThread() - a,14:N0} B");
        }
        c.ReturnBuffers();
        System.Buffers.ArrayPool<byte>.Shared.Return(rented!);
        long r0 = GC.GetAllocatedBytesForCurrentThread();
        p.Run(input, stem);
        Console.WriteLine($"whole Run        {GC.GetAllocatedBytesForCurrentThread() - r0,14:N0} B (this thread)");
        return 0;
    }
}
