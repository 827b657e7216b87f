using BenchmarkDotNet.Attributes;
using OpenCvSharp;
using SegmentSharp.Imaging;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// Shared thread-count parameter: every case runs once single-threaded and once on all cores, with the
/// same limit applied to both libraries so the ratio compares like with like.
/// </summary>
public abstract class ThreadedBenchmark
{
    /// <summary>1 and <see cref="Environment.ProcessorCount"/> (just 1 on a single-core machine).</summary>
    public static IEnumerable<int> ThreadCounts() =>
        Environment.ProcessorCount > 1 ? [1, Environment.ProcessorCount] : [1];

    [ParamsSource(nameof(ThreadCounts))]
    public int Threads { get; set; }

    protected void ApplyThreads()
    {
        Parallelism.MaxDegreeOfParallelism = Threads;
        Cv2.SetNumThreads(Threads);
    }

    /// <summary>
    /// Runs both implementations once and records whether SegmentSharp matched OpenCV, so the report can
    /// flag a timing that belongs to a wrong answer. A missing or failing implementation must not abort
    /// the OpenCV rows, hence the catch-all.
    /// </summary>
    protected static void Check(string name, Func<bool> same) => CheckLog.Record(name, same);

    /// <summary>Runs both cases once, then records whether they left identical pixels in their outputs.</summary>
    protected static void CheckSame(string name, Action openCv, Action ours, Mat openCvDst, Image<byte> oursDst) =>
        Check(name, () =>
        {
            openCv();
            ours();
            return BenchData.SamePixels(openCvDst, oursDst);
        });
}

/// <summary>Side files under <c>bench/data/checks/</c>: one line per benchmarked operation, read by the report.</summary>
internal static class CheckLog
{
    public static void Record(string name, Func<bool> same)
    {
        string status;
        try { status = same() ? "identical" : "DIFFERENT"; }
        catch (Exception e) { status = $"failed: {e.GetType().Name}"; }
        try
        {
            string dir = Path.Combine(BenchPaths.DataDir, "checks");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, name + ".txt"), status + "\n");
        }
        catch (IOException) { }
        Console.WriteLine($"// check {name}: {status}");
    }
}
