using System.Diagnostics;
using OpenCvSharp;
using SegmentSharp.Imaging;
using SegmentSharp.Thresholding.Local;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// Two measurements that BenchmarkDotNet cannot make for the local thresholds:
/// <c>--memory</c> binarizes a synthetic 20000 × 20000 scan with Sauvola and reports the peak managed heap and the
/// peak working set (issue 3 asks for ≤ 1 GB of managed heap); <c>--local-quick</c> is a stopwatch comparison of every
/// local method against <c>cv::adaptiveThreshold</c> mean on the 12 MP page for quick iteration (median of a few runs,
/// noisy on a shared machine; the BenchmarkDotNet class <see cref="LocalBenchmarks"/> gives the reported figures).
/// </summary>
internal static class LocalProbe
{
    public static int Memory(string[] args)
    {
        int side = args.Length > 1 && int.TryParse(args[1], out int s) ? s : 20000;
        int window = args.Length > 2 && int.TryParse(args[2], out int w) ? w : 25;
        var img = new Image<byte>(side, side);
        // A page-like pattern: bright paper with dark strokes and a slow illumination gradient.
        for (int y = 0; y < side; y++)
        {
            var row = img.Row(y);
            for (int x = 0; x < row.Length; x++)
            {
                int paper = 200 - (x + y) * 40 / (2 * side);
                bool ink = ((x / 7) % 9 == 0 && (y / 40) % 2 == 0) || ((y / 5) % 23 == 0);
                row[x] = (byte)(ink ? 40 + ((x * 31 + y * 17) & 15) : paper + ((x * 13 + y * 7) & 7));
            }
        }
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        long baseHeap = GC.GetTotalMemory(false);
        long allocBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var proc = Process.GetCurrentProcess();
        proc.Refresh();
        long wsBefore = proc.WorkingSet64;

        long peakHeap = baseHeap;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                long h = GC.GetTotalMemory(false);
                if (h > Volatile.Read(ref peakHeap)) Volatile.Write(ref peakHeap, h);
                Thread.Sleep(2);
            }
        });
        var sw = Stopwatch.StartNew();
        var mask = LocalThreshold.Sauvola(img, window);
        sw.Stop();
        stop.Cancel();
        sampler.Wait();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocBefore;
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        proc.Refresh();
        long fg = 0;
        for (int i = 0; i < mask.Data.Length; i += 4096) fg += mask.Data[i] >> 7;

        const double MB = 1 << 20;
        Console.WriteLine($"Sauvola window {window} on {side} x {side} ({(long)side * side / 1e6:F0} MP), " +
                          $"{Parallelism.MaxDegreeOfParallelism} threads: {sw.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine($"  input image (managed, before the call)     {baseHeap / MB,10:F1} MB");
        Console.WriteLine($"  allocated by the call (incl. the mask)     {allocated / MB,10:F1} MB");
        Console.WriteLine($"  peak managed heap during the call          {peakHeap / MB,10:F1} MB (sampled every 2 ms)");
        Console.WriteLine($"  peak managed heap above the input          {(peakHeap - baseHeap) / MB,10:F1} MB");
        Console.WriteLine($"  GC heap size at the last GC                {info.HeapSizeBytes / MB,10:F1} MB");
        Console.WriteLine($"  peak working set (process)                 {proc.PeakWorkingSet64 / MB,10:F1} MB (before: {wsBefore / MB:F1} MB)");
        Console.WriteLine($"  (sampled foreground fraction {fg * 4096.0 / mask.Data.Length:P1})");
        return 0;
    }

    public static int Quick(string[] args)
    {
        var windows = new[] { 15, 101 };
        // LOCAL_REPS and LOCAL_THREADS (e.g. "1") shorten a probe of the slow methods on a loaded machine; LOCAL_VERIFY=1
        // also checks the fused masks against the surface path on the page.
        int reps = int.TryParse(Environment.GetEnvironmentVariable("LOCAL_REPS"), out int rr) && rr > 0 ? rr : 7;
        var only = Environment.GetEnvironmentVariable("LOCAL_THREADS");
        var (mat, src) = BenchData.LoadDoc12();
        using var dstMat = new Mat(mat.Size(), MatType.CV_8UC1);
        string filter = args.Length > 1 ? args[1] : "";
        foreach (int threads in ThreadedBenchmark.ThreadCounts())
        {
            if (!string.IsNullOrEmpty(only) && only != threads.ToString()) continue;
            Parallelism.MaxDegreeOfParallelism = threads;
            Cv2.SetNumThreads(threads);
            foreach (int win in windows)
            {
                double cv = Median(reps, () => Cv2.AdaptiveThreshold(mat, dstMat, 255, AdaptiveThresholdTypes.MeanC,
                    ThresholdTypes.Binary, win, 5));
                Console.WriteLine($"threads {threads} window {win,3}: OpenCV adaptive mean {cv,7:F1} ms");
                var into = new Image<byte>(src.Width, src.Height);
                if (Environment.GetEnvironmentVariable("LOCAL_VERIFY") == "1")
                {
                    // The fused mask paths against the ones that materialise T, on the page itself.
                    var t = new Image<double>(src.Width, src.Height);
                    int diff(Image<byte> a, Image<byte> b) { int d = 0; for (int i = 0; i < a.Data.Length; i++) d += a.Data[i] != b.Data[i] ? 1 : 0; return d; }
                    Console.WriteLine($"    verify: niblack {diff(LocalThreshold.Niblack(src, win, 0.2, t), LocalThreshold.Niblack(src, win))}, " +
                        $"sauvola {diff(LocalThreshold.Sauvola(src, win, 0.2, 127.5, t), LocalThreshold.Sauvola(src, win))}, " +
                        $"wolf {diff(LocalThreshold.Wolf(src, win, 0.5, t), LocalThreshold.Wolf(src, win))}, " +
                        $"phansalkar {diff(LocalThreshold.Phansalkar(src, win, threshold: t), LocalThreshold.Phansalkar(src, win))} differing pixels");
                }
                foreach (var (name, run) in Methods(src, into, win))
                {
                    if (filter.Length > 0 && !name.Contains(filter, StringComparison.OrdinalIgnoreCase)) continue;
                    double t = Median(reps, () => run());
                    Console.WriteLine($"    {name,-11} {t,7:F1} ms  ratio {t / cv:F2}");
                }
            }
        }
        mat.Dispose();
        return 0;
    }

    /// <summary>Single-threaded cost of each stage of the mean/deviation engine on the page (iteration aid).</summary>
    public static unsafe int Parts(string[] args)
    {
        var (mat, src) = BenchData.LoadDoc12();
        mat.Dispose();
        int w = src.Width, h = src.Height;
        var dst = new byte[w];
        foreach (int win in new[] { 15, 101 })
        {
            double n = (double)win * win;
            fixed (byte* ps = src.Data)
            fixed (byte* pd = dst)
            {
                var plane = new LocalPlane(ps, w, h, src.Stride);
                foreach (bool sq in new[] { false, true })
                {
                    double t = Median(5, () =>
                    {
                        var rows = new MomentRows(plane, win / 2, sq);
                        for (int y = 0; y < h; y++) rows.Row(y);
                    });
                    Console.WriteLine($"window {win,3} rows (update + reflect + prefix), squares {sq}: {t,6:F1} ms");
                }
                var r2 = new MomentRows(plane, win / 2, true);
                r2.Row(h / 2);
                fixed (int* a = r2.PrefixS)
                fixed (uint* b = r2.PrefixQ)
                {
                    int* pa = a; uint* pb = b; byte* pdd = pd;
                    byte* row = plane.Row(h / 2);
                    Console.WriteLine($"   kernel Niblack x{h}: {Median(5, () => { for (int y = 0; y < h; y++) MomentKernel.Row(new NiblackRule(0.2), pa, pb, win, row, w, n, pdd); }),6:F1} ms");
                    Console.WriteLine($"   kernel Sauvola x{h}: {Median(5, () => { for (int y = 0; y < h; y++) MomentKernel.Row(new SauvolaRule(0.2, 127.5), pa, pb, win, row, w, n, pdd); }),6:F1} ms");
                    Console.WriteLine($"   kernel Bradley x{h}: {Median(5, () => { for (int y = 0; y < h; y++) MomentKernel.Row(new BradleyRule(0.15), pa, null, win, row, w, n, pdd); }),6:F1} ms");
                    Console.WriteLine($"   kernel Phansalkar x{h}: {Median(5, () => { for (int y = 0; y < h; y++) MomentKernel.Row(new PhansalkarRule(0.25, 0.5, 2, 10), pa, pb, win, row, w, n, pdd); }),6:F1} ms");
                }
            }
        }
        Console.WriteLine($"Vector512 {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}, wide kernel {MomentKernel.Wide}");
        Console.WriteLine($"alloc 12 MB mask: {Median(5, () => GC.KeepAlive(new Image<byte>(w, h))),6:F1} ms");
        return 0;
    }

    /// <summary>Single-threaded cost of the stages of Su and Gatos on the page (where their time goes).</summary>
    public static unsafe int EdgeParts(string[] args)
    {
        var (mat, src) = BenchData.LoadDoc12();
        mat.Dispose();
        Parallelism.MaxDegreeOfParallelism = 1;
        Image<byte> hc = null!;
        fixed (byte* ps = src.Data)
        {
            var plane = new LocalPlane(ps, src.Width, src.Height, src.Stride);
            Console.WriteLine($"contrast mask (3x3 min/max, Otsu): {Median(3, () => hc = ContrastImage.HighContrastMask(plane)),7:F1} ms");
        }
        Console.WriteLine($"stroke width estimate:             {Median(3, () => ContrastImage.EstimateStrokeWidth(hc)),7:F1} ms");
        Console.WriteLine($"Wiener 3x3:                        {Median(3, () => GatosBinarization.Wiener(src)),7:F1} ms");
        foreach (int win in new[] { 15, 101 })
        {
            Console.WriteLine($"window {win}: Su {Median(3, () => LocalThreshold.Su(src, win)),7:F1} ms, " +
                              $"Gatos {Median(3, () => LocalThreshold.Gatos(src, win)),7:F1} ms, " +
                              $"Sauvola {Median(3, () => LocalThreshold.Sauvola(src, win)),7:F1} ms");
        }
        return 0;
    }

    // The window-sum and min/max methods write into a preallocated mask (as OpenCV does); the others allocate theirs.
    internal static IEnumerable<(string Name, Action Run)> Methods(Image<byte> src, Image<byte> dst, int win) =>
    [
        ("Niblack", () => LocalThreshold.Niblack(src, dst, win)),
        ("Sauvola", () => LocalThreshold.Sauvola(src, dst, win)),
        ("Wolf", () => LocalThreshold.Wolf(src, dst, win)),
        ("Nick", () => LocalThreshold.Nick(src, dst, win)),
        ("Bradley", () => LocalThreshold.Bradley(src, dst, win)),
        ("Phansalkar", () => LocalThreshold.Phansalkar(src, dst, win)),
        ("Bernsen", () => LocalThreshold.Bernsen(src, dst, win)),
        ("Contrast", () => LocalThreshold.Contrast(src, dst, win)),
        ("MidGrey", () => LocalThreshold.MidGrey(src, dst, win)),
        ("Median", () => LocalThreshold.Median(src, win)),
        ("LocalOtsu", () => LocalThreshold.LocalOtsu(src, win)),
        ("Su", () => LocalThreshold.Su(src, win)),
        ("Gatos", () => LocalThreshold.Gatos(src, win)),
    ];

    // LOCAL_CPU=1 times by the process's CPU time instead of the wall clock: on a loaded machine a single-threaded
    // run then counts only its own cycles (meaningless for the all-core runs).
    private static readonly bool CpuClock = Environment.GetEnvironmentVariable("LOCAL_CPU") == "1";

    private static double Median(int reps, Action run)
    {
        run();
        var t = new double[reps];
        using var proc = Process.GetCurrentProcess();
        for (int i = 0; i < reps; i++)
        {
            proc.Refresh();
            var c0 = proc.TotalProcessorTime;
            long t0 = Stopwatch.GetTimestamp();
            run();
            proc.Refresh();
            t[i] = CpuClock ? (proc.TotalProcessorTime - c0).TotalMilliseconds : Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        }
        Array.Sort(t);
        return t[reps / 2];
    }
}
