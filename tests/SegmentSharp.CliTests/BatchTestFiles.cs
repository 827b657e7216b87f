using System.Diagnostics;
using System.Text;
using SegmentSharp.Cli.Batch;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;

namespace SegmentSharp.CliTests;

/// <summary>Images, pipeline files and manifest readers shared by the batch tests.</summary>
internal static class BatchTestFiles
{
    /// <summary>Otsu's threshold and the mask as PNG: what `segment threshold --method otsu --save-pipeline` writes.</summary>
    public const string PipelineJson = """
        {
          "version": 1,
          "steps": [
            { "step": "binarize", "method": "otsu" },
            { "step": "write-mask", "format": "png", "bilevel": "auto" }
          ]
        }

        """;

    /// <summary>The 8 bytes every PNG file starts with (a u8 string literal would encode 0x89 as two bytes).</summary>
    public static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static string WritePipeline(string dir)
    {
        string path = Path.Combine(dir, "pipeline.json");
        File.WriteAllText(path, PipelineJson);
        // Older than anything written later, so up-to-date checks never depend on timestamp resolution.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-10));
        return path;
    }

    /// <summary>A gray image with a bright disc on a darker, noisy background, so Otsu has two classes.</summary>
    public static void WriteImage(string path, int width, int height, int seed)
    {
        var rng = new Random(seed);
        var img = new Image<byte>(width, height);
        double cx = width * (0.3 + 0.4 * rng.NextDouble()), cy = height * (0.3 + 0.4 * rng.NextDouble());
        double r = Math.Min(width, height) * (0.15 + 0.2 * rng.NextDouble());
        for (int y = 0; y < height; y++)
        {
            var row = img.Row(y);
            for (int x = 0; x < width; x++)
            {
                bool inside = (x - cx) * (x - cx) + (y - cy) * (y - cy) < r * r;
                row[x] = (byte)((inside ? 190 : 60) + rng.Next(-30, 31));
            }
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        ImageFile.Write(path, img);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));
    }

    public static List<BatchRow> Rows(string jsonl) => Manifest.ReadJsonl(jsonl);

    /// <summary>A row without its timings, for comparing runs.</summary>
    public static string Untimed(BatchRow r) => Manifest.ToJson(r with { TimeMs = null, TimingsMs = [] });

    /// <summary>A PNG whose IHDR says <paramref name="width"/>x<paramref name="height"/> (with valid CRCs) and no pixel data.</summary>
    public static byte[] PngHeaderOnly(uint width, uint height)
    {
        var ms = new MemoryStream();
        ms.Write(PngSignature);
        var ihdr = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth; colour type 0 (gray), no interlace
        Chunk(ms, "IHDR", ihdr);
        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var len = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(len, (uint)data.Length);
        s.Write(len);
        byte[] body = [.. Encoding.ASCII.GetBytes(type), .. data];
        s.Write(body);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(body));
        s.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        uint c = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            c ^= b;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        }
        return ~c;
    }

    /// <summary>Starts <c>dotnet segment.dll ARGS</c> without waiting, its output drained in the background.</summary>
    public static Process Start(string workingDirectory, params string[] args)
    {
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : "dotnet";
        var psi = new ProcessStartInfo(host)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(CliTestPaths.SegmentDll);
        foreach (string a in args) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    /// <summary>Whole lines (ending in a newline) in a file that another process is appending to.</summary>
    public static int CompleteLines(string path)
    {
        if (!File.Exists(path)) return 0;
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        int n = 0, b;
        while ((b = fs.ReadByte()) >= 0) if (b == '\n') n++;
        return n;
    }
}
