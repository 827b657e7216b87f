namespace SegmentSharp.Quality;

/// <summary>
/// docs/quality.md is written by several modes (dibco, nuclei, ...). Each owns one section between
/// <c>&lt;!-- section: NAME --&gt;</c> and <c>&lt;!-- end: NAME --&gt;</c>, so a rerun of one mode keeps the others.
/// </summary>
internal static class QualityDoc
{
    public static void WriteSection(string path, string name, string content)
    {
        string begin = $"<!-- section: {name} -->", end = $"<!-- end: {name} -->";
        string block = begin + "\n" + content.TrimEnd('\n') + "\n" + end + "\n";
        string old = File.Exists(path) ? File.ReadAllText(path) : "";
        int b = old.IndexOf(begin, StringComparison.Ordinal), e = old.IndexOf(end, StringComparison.Ordinal);
        string text;
        if (b >= 0 && e > b)
        {
            int after = e + end.Length;
            if (after < old.Length && old[after] == '\n') after++;
            text = old[..b] + block + old[after..];
        }
        else text = old.Length == 0 ? block : old.TrimEnd('\n') + "\n\n" + block;
        string tmp = path + ".tmp";
        File.WriteAllText(tmp, text);
        File.Move(tmp, path, overwrite: true);
    }
}
