using System.Globalization;
using System.Numerics;
using System.Text;

namespace SegmentSharp.Pipelines.Text;

/// <summary>
/// Formatting that reproduces what the Python seed script prints, so `segment threshold` output can be compared
/// character for character with <c>threshold_image.py</c>.
/// </summary>
internal static class PythonFormat
{
    /// <summary>
    /// Python's <c>format(value, ".Nf")</c>: the exact binary value of the double rounded to
    /// <paramref name="decimals"/> places, ties to even. .NET's "F" format rounds ties away from zero
    /// (0.125 → "0.13" where Python prints "0.12"), so the rounding is done here on exact integers.
    /// </summary>
    public static string Fixed(double value, int decimals)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        bool negative = value < 0 || (value == 0 && double.IsNegative(value));
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        int exponent = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        BigInteger mantissa;
        int shift; // value = mantissa * 2^shift
        if (exponent == 0) { mantissa = fraction; shift = -1074; }
        else { mantissa = fraction | (1L << 52); shift = exponent - 1075; }

        BigInteger scaled = mantissa * BigInteger.Pow(10, decimals);
        BigInteger units; // value * 10^decimals rounded half to even
        if (shift >= 0) units = scaled << shift;
        else
        {
            BigInteger divisor = BigInteger.One << -shift;
            units = BigInteger.DivRem(scaled, divisor, out BigInteger rest);
            int cmp = (rest * 2).CompareTo(divisor);
            if (cmp > 0 || (cmp == 0 && !units.IsEven)) units += 1;
        }

        string digits = units.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var sb = new StringBuilder(digits.Length + 2);
        if (negative) sb.Append('-');
        sb.Append(digits, 0, digits.Length - decimals);
        if (decimals > 0) sb.Append('.').Append(digits, digits.Length - decimals, decimals);
        return sb.ToString();
    }

    /// <summary>
    /// Parses an integer the way Python's <c>int(str)</c> does for ASCII input (surrounding whitespace, an optional
    /// sign, and single underscores between digits are allowed), which is how argparse reads <c>type=int</c> flags.
    /// </summary>
    public static bool TryParseInt(string text, out long value)
    {
        value = 0;
        ReadOnlySpan<char> s = text.AsSpan().Trim();
        if (s.IsEmpty) return false;
        bool negative = false;
        if (s[0] is '+' or '-') { negative = s[0] == '-'; s = s[1..]; }
        if (s.IsEmpty || s[0] == '_' || s[^1] == '_') return false;
        BigInteger acc = BigInteger.Zero;
        bool lastUnderscore = false;
        foreach (char ch in s)
        {
            if (ch == '_')
            {
                if (lastUnderscore) return false;
                lastUnderscore = true;
                continue;
            }
            if (ch is < '0' or > '9') return false;
            lastUnderscore = false;
            acc = acc * 10 + (ch - '0');
        }
        if (negative) acc = -acc;
        if (acc < long.MinValue || acc > long.MaxValue) return false;
        value = (long)acc;
        return true;
    }

    /// <summary>
    /// The text Python's <c>pathlib.PurePosixPath</c> prints for a path: repeated slashes collapsed (a leading
    /// "//" is kept, as POSIX allows it a special meaning), "." components and a trailing slash dropped, "" → ".".
    /// The seed prints paths through pathlib, so this is what its "input:"/"output:" lines show.
    /// </summary>
    public static string NormalizePath(string path)
    {
        if (path.Length == 0) return ".";
        string root = "";
        if (path.StartsWith('/'))
            root = path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("///", StringComparison.Ordinal) ? "//" : "/";
        var parts = new List<string>();
        foreach (string part in path.Split('/'))
            if (part.Length > 0 && part != ".") parts.Add(part);
        string joined = root + string.Join('/', parts);
        return joined.Length == 0 ? "." : joined;
    }
}
