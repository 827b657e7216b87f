namespace SegmentSharp.CliTests;

/// <summary>
/// Damaged files of every format the tool reads must end in the seed's one-line "could not read image" and exit 1:
/// never a stack trace, never an output file.
/// </summary>
public sealed class CorruptInputTests
{
    public static TheoryData<string, byte[]> Files()
    {
        var rng = new Random(20261123);
        byte[] Noise(params byte[] head)
        {
            var b = new byte[head.Length + 200];
            rng.NextBytes(b);
            head.CopyTo(b, 0);
            return b;
        }
        byte[] page = File.ReadAllBytes(Path.Combine(CliTestPaths.RepoRoot, "samples", "page.png"));
        return new TheoryData<string, byte[]>
        {
            { "png-noise.png", Noise(0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A) },
            { "png-cut-in-idat.png", page[..(page.Length / 2)] },
            { "png-signature-only.png", page[..8] },
            { "jpeg-noise.jpg", Noise(0xFF, 0xD8, 0xFF, 0xE0) },
            { "bmp-noise.bmp", Noise((byte)'B', (byte)'M') },
            { "tiff-noise.tif", Noise((byte)'I', (byte)'I', 42, 0) },
            { "pgm-noise.pgm", Noise((byte)'P', (byte)'5', (byte)'\n') },
            { "pgm-short.pgm", "P5\n4 4\n255\nab"u8.ToArray() },
        };
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ReportsOneLineAndExits1(string name, byte[] content)
    {
        using var s = new Scratch();
        Directory.CreateDirectory(s.PathOf("in"));
        File.WriteAllBytes(s.PathOf("in/" + name), content);
        var r = s.Run("threshold", "in/" + name, "out/m.png");
        Assert.Equal("", r.Stdout);
        Assert.Equal($"could not read image: in/{name}\n", r.Stderr);
        Assert.Equal(1, r.ExitCode);
        Assert.False(Directory.Exists(s.PathOf("out")));
    }
}
