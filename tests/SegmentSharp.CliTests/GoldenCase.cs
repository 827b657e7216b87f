using System.Security.Cryptography;
using System.Text.Json;
using SegmentSharp.Codecs;

namespace SegmentSharp.CliTests;

/// <summary>One recorded run of the seed script (or of reference_segment.py), from tests/fixtures/cli/golden.json.</summary>
internal sealed record GoldenCase(
    string Name, string Tool, string[] Args, string[] Setup, int ExitCode, string Stdout, string ExpectedStderr,
    int? MaskWidth, int? MaskHeight, string? MaskSha256)
{
    private static readonly Lazy<Dictionary<string, GoldenCase>> All = new(Load);

    public static IEnumerable<string> Names => All.Value.Keys;

    public static GoldenCase Get(string name) => All.Value[name];

    private static Dictionary<string, GoldenCase> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(CliTestPaths.Fixtures, "golden.json")));
        var cases = new Dictionary<string, GoldenCase>();
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            var mask = c.GetProperty("mask");
            bool hasMask = mask.ValueKind == JsonValueKind.Object;
            cases.Add(c.GetProperty("name").GetString()!, new GoldenCase(
                c.GetProperty("name").GetString()!,
                c.GetProperty("tool").GetString()!,
                c.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToArray(),
                c.GetProperty("setup").EnumerateArray().Select(a => a.GetString()!).ToArray(),
                c.GetProperty("exit_code").GetInt32(),
                c.GetProperty("stdout").GetString()!,
                c.GetProperty("expected_stderr").GetString()!,
                hasMask ? mask.GetProperty("width").GetInt32() : null,
                hasMask ? mask.GetProperty("height").GetInt32() : null,
                hasMask ? mask.GetProperty("sha256").GetString() : null));
        }
        return cases;
    }

    /// <summary>SHA-256 of the decoded 8-bit rows, as make_golden.py hashes numpy's <c>mask.tobytes()</c>.</summary>
    public static string PixelHash(string path, out int width, out int height)
    {
        var img = ImageFile.ReadGray(path);
        width = img.Width;
        height = img.Height;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (int y = 0; y < img.Height; y++) sha.AppendData(img.Row(y));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
