using SegmentSharp.Thresholding;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>Reads the committed ImageJ / scikit-image golden values of tests/fixtures/globalm (see make_golden.sh there).</summary>
internal static class GlobalGoldens
{
    public static string Dir => RepoPaths.Fixtures("globalm");

    /// <summary>Histograms by name: the samples (as SegmentSharp reads them) and the synthetic set.</summary>
    public static IReadOnlyDictionary<string, long[]> Histograms { get; } = LoadHistograms("samples.txt", "synthetic.txt");

    public static IReadOnlyDictionary<string, long[]> SampleHistograms { get; } = LoadHistograms("samples.txt");

    /// <summary>ImageJ's 8-bit result per (histogram, ImageJ method name): the level, or null when ImageJ threw.</summary>
    public static IReadOnlyDictionary<(string, string), int?> ImageJ8 { get; } = LoadResults("imagej8.txt");

    /// <summary>ImageJ's 16-bit minThreshold per (image, ImageJ method name).</summary>
    public static IReadOnlyDictionary<(string, string), int?> ImageJ16 { get; } = LoadResults("imagej16.txt");

    /// <summary>1-row 16-bit images by name.</summary>
    public static IReadOnlyDictionary<string, ushort[]> ShortImages { get; } =
        File.ReadLines(Path.Combine(Dir, "short.txt")).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(f => f[0], f => f.Skip(1).Select(ushort.Parse).ToArray());

    /// <summary>ImageJ's enum name for one of our methods.</summary>
    public static string ImageJName(GlobalMethod m) => m.ToString();

    public static readonly GlobalMethod[] ImageJMethods = Enum.GetValues<GlobalMethod>()
        .Where(m => m is not GlobalMethod.Otsu and not GlobalMethod.Triangle).ToArray();

    public static TheoryData<GlobalMethod> ImageJMethodData()
    {
        var d = new TheoryData<GlobalMethod>();
        foreach (var m in ImageJMethods) d.Add(m);
        return d;
    }

    public static TheoryData<GlobalMethod> AllMethodData()
    {
        var d = new TheoryData<GlobalMethod>();
        foreach (var m in Enum.GetValues<GlobalMethod>()) d.Add(m);
        return d;
    }

    private static Dictionary<string, long[]> LoadHistograms(params string[] files)
    {
        var result = new Dictionary<string, long[]>();
        foreach (string file in files)
            foreach (string line in File.ReadLines(Path.Combine(Dir, file)))
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length == 0) continue;
                Assert.Equal(257, f.Length);
                result.Add(f[0], f.Skip(1).Select(long.Parse).ToArray());
            }
        return result;
    }

    private static Dictionary<(string, string), int?> LoadResults(string file)
    {
        var result = new Dictionary<(string, string), int?>();
        foreach (string line in File.ReadLines(Path.Combine(Dir, file)))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 3) continue;
            result.Add((f[0], f[1]), f[2] == "ERR" ? null : int.Parse(f[2]));
        }
        return result;
    }
}
