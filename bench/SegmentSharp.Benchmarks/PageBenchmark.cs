using BenchmarkDotNet.Attributes;
using OpenCvSharp;
using SegmentSharp.Imaging;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// Gray-in, gray-out operations on the 12 MP page: both libraries read the same pixels and write into
/// preallocated outputs of the same size, so a timing never includes an allocation the other side skips.
/// </summary>
public abstract class PageBenchmark : ThreadedBenchmark
{
    protected Mat SrcMat = null!, DstMat = null!;
    protected Image<byte> Src = null!, Dst = null!;

    /// <summary>Applies the thread count, loads the page and allocates both outputs; call first in [GlobalSetup].</summary>
    protected void LoadPage()
    {
        ApplyThreads();
        (SrcMat, Src) = BenchData.LoadDoc12();
        DstMat = new Mat(SrcMat.Size(), MatType.CV_8UC1);
        Dst = Src.CloneEmpty();
    }

    /// <summary>Runs both cases once and records whether their outputs are identical.</summary>
    protected void CheckSame(string name, Action openCv, Action ours) => CheckSame(name, openCv, ours, DstMat, Dst);

    [GlobalCleanup]
    public void Cleanup()
    {
        SrcMat?.Dispose();
        DstMat?.Dispose();
    }
}
