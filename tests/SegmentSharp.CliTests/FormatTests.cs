using System.Globalization;
using SegmentSharp.Cli;

namespace SegmentSharp.CliTests;

/// <summary>The Python-compatible helpers against values Python itself printed (tests/fixtures/cli/format_cases.txt).</summary>
public sealed class FormatTests
{
    [Fact]
    public void FixedMatchesPythonFormatting()
    {
        int checkedLines = 0;
        foreach (string line in File.ReadLines(Path.Combine(CliTestPaths.Fixtures, "format_cases.txt")))
        {
            string[] f = line.Split(' ');
            string actual = f[0] switch
            {
                // The percentage exactly as the seed computes it: count / total * 100 in doubles.
                "p" => PythonFormat.Fixed((double)long.Parse(f[1], CultureInfo.InvariantCulture) / long.Parse(f[2], CultureInfo.InvariantCulture) * 100, 2),
                "f1" => PythonFormat.Fixed(double.Parse(f[1], CultureInfo.InvariantCulture), 1),
                "f2" => PythonFormat.Fixed(double.Parse(f[1], CultureInfo.InvariantCulture), 2),
                _ => throw new InvalidDataException(line),
            };
            Assert.True(f[^1] == actual, $"{line}: got {actual}");
            checkedLines++;
        }
        Assert.True(checkedLines > 3000, $"only {checkedLines} cases");
    }

    [Theory]
    [InlineData(0.125, 2, "0.12")]   // tie on an exactly representable value: Python rounds half to even
    [InlineData(0.375, 2, "0.38")]
    [InlineData(2.675, 2, "2.67")]   // 2.675 is stored just below 2.675
    [InlineData(127.0, 1, "127.0")]
    [InlineData(-0.0, 1, "-0.0")]
    [InlineData(99.995, 2, "100.00")]
    public void FixedKnownValues(double value, int decimals, string expected)
        => Assert.Equal(expected, PythonFormat.Fixed(value, decimals));

    [Theory]
    [InlineData("31", 31L)]
    [InlineData(" 9 ", 9L)]
    [InlineData("+1_0", 10L)]
    [InlineData("-3", -3L)]
    [InlineData("007", 7L)]
    public void ParsesIntegersLikePython(string text, long expected)
    {
        Assert.True(PythonFormat.TryParseInt(text, out long v));
        Assert.Equal(expected, v);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.5")]
    [InlineData("abc")]
    [InlineData("1__0")]
    [InlineData("_1")]
    [InlineData("1_")]
    [InlineData("+")]
    [InlineData("0x10")]
    [InlineData("99999999999999999999999")]
    public void RejectsWhatPythonIntRejects(string text) => Assert.False(PythonFormat.TryParseInt(text, out _));

    [Theory]
    [InlineData("./samples//page.png", "samples/page.png")]
    [InlineData("out/./b.png/", "out/b.png")]
    [InlineData("", ".")]
    [InlineData(".", ".")]
    [InlineData("/", "/")]
    [InlineData("//a//b", "//a/b")]
    [InlineData("///a", "/a")]
    [InlineData("../x/../y", "../x/../y")]
    public void NormalizesPathsLikePathlib(string path, string expected) => Assert.Equal(expected, PythonFormat.NormalizePath(path));
}
