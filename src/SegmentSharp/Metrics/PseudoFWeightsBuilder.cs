using System.Runtime.CompilerServices;
using SegmentSharp.Imaging;

namespace SegmentSharp.Metrics;

/// <summary>
/// Our own construction of the pseudo-F weights of Ntirogiannis, Gatos &amp; Pratikakis (IEEE TIP 2013), from the
/// paper's definitions (no code of the official tool was used):
/// <list type="bullet">
/// <item>Recall weight GW = D / NR on ground-truth text: D is the chessboard distance from the text contour (contour
/// pixels, those with a 4-neighbour outside the text, have D = 0) and NR is the sum of D across the stroke, so that every
/// cross-section of a stroke weighs 1 and a stroke counts by its length, not its width. For a stroke whose medial D is r
/// the cross-section sum is r² (odd width 2r+1) or r(r+1) (even width 2r+2). Strokes one or two pixels wide, where D is
/// 0 everywhere, get 1 / width.</item>
/// <item>Precision weight PW = 1 + Dbg / NP on the background within reach of the text: Dbg is the chessboard
/// distance to the nearest text pixel (1 next to it) and NP is half the stroke width of that pixel's connected
/// component (its widest ridge, 2r + 1 or 2r + 2); beyond Dbg = NP, PW = 1. So false alarms cost more the farther they
/// spread from the strokes, relative to how thick the strokes are.</item>
/// </list>
/// Known simplifications against DIBCO's BinEvalWeights: D and the stroke width come from the distance map's ridge, not
/// from a thinned skeleton (the tool's D differs near junctions and stroke ends); NP is not reduced where two components' reaches meet (the tool's weights above 2 there), and the
/// cap of the tool is not modelled. The Doxa fixture check in bench/SegmentSharp.Quality reports how close the
/// resulting p-FM comes to the official weights.
/// </summary>
internal static class PseudoFWeightsBuilder
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PseudoFWeights Build(ReadOnlyImageView<byte> groundTruth)
    {
        ImageGuard.SingleChannel(groundTruth, nameof(groundTruth));
        int w = groundTruth.Width, h = groundTruth.Height, n = w * h;
        var ink = new bool[n];
        for (int y = 0; y < h; y++)
        {
            var row = groundTruth.Row(y);
            for (int x = 0; x < w; x++) ink[y * w + x] = row[x] != 0;
        }

        bool Ink(int x, int y) => (uint)x < (uint)w && (uint)y < (uint)h && ink[y * w + x];

        // D on the text: geodesic chessboard distance from the contour, by breadth-first search inside the text.
        var dist = new int[n];
        Array.Fill(dist, -1);
        var queue = new int[n];
        int head = 0, tail = 0;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                if (ink[y * w + x] && (!Ink(x - 1, y) || !Ink(x + 1, y) || !Ink(x, y - 1) || !Ink(x, y + 1)))
                {
                    dist[y * w + x] = 0;
                    queue[tail++] = y * w + x;
                }
        while (head < tail)
        {
            int i = queue[head++], x = i % w, y = i / w;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++)
                {
                    int xx = x + dx, yy = y + dy;
                    if (!Ink(xx, yy)) continue;
                    int j = yy * w + xx;
                    if (dist[j] >= 0) continue;
                    dist[j] = dist[i] + 1;
                    queue[tail++] = j;
                }
        }

        // Stroke key = 2·r + e (r: medial D, e: 1 for an even width) flows downhill from the ridge; BFS order reversed
        // visits every pixel after all its neighbours of larger D.
        var key = new int[n];
        for (int q = tail - 1; q >= 0; q--)
        {
            int i = queue[q], x = i % w, y = i / w, d = dist[i];
            int best = -1;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++)
                {
                    int xx = x + dx, yy = y + dy;
                    if (!Ink(xx, yy)) continue;
                    int j = yy * w + xx;
                    if (dist[j] > d && key[j] > best) best = key[j];
                }
            if (best < 0)
            {
                // A ridge pixel: the width is even when, across one axis, exactly one neighbour is as deep as it while
                // the ridge runs on along the other axis (both as deep); a ridge end, shallower ahead, stays odd.
                bool l = Ink(x - 1, y) && dist[i - 1] == d, r = Ink(x + 1, y) && dist[i + 1] == d;
                bool u = Ink(x, y - 1) && dist[i - w] == d, b = Ink(x, y + 1) && dist[i + w] == d;
                int even = (l != r && u && b) || (u != b && l && r) ? 1 : 0;
                best = 2 * d + even;
            }
            key[i] = best;
        }

        var recall = new double[n];
        for (int i = 0; i < n; i++)
        {
            if (!ink[i]) continue;
            int r = key[i] >> 1, e = key[i] & 1;
            recall[i] = r == 0 ? 1.0 / (1 + e) : (double)dist[i] / (r * (r + e));
        }

        // Background: chessboard distance to the nearest text pixel and that pixel's stroke width, by BFS from the text.
        var bgDist = new int[n];
        var width = new int[n];
        head = tail = 0;
        // The paper normalises the background by the stroke width of the whole component (Gsw), not the local one:
        // label the 8-connected components and give each pixel its component's widest ridge.
        var comp = new int[n];
        Array.Fill(comp, -1);
        var compWidth = new List<int>();
        var stack = new int[n];
        for (int s0 = 0; s0 < n; s0++)
        {
            if (!ink[s0] || comp[s0] >= 0) continue;
            int id = compWidth.Count, sp = 0, best = 0;
            comp[s0] = id; stack[sp++] = s0;
            while (sp > 0)
            {
                int i = stack[--sp], x = i % w, y = i / w;
                best = Math.Max(best, 2 * (key[i] >> 1) + 1 + (key[i] & 1));
                for (int dy = -1; dy <= 1; dy++)
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int xx = x + dx, yy = y + dy;
                        if (!Ink(xx, yy)) continue;
                        int j = yy * w + xx;
                        if (comp[j] >= 0) continue;
                        comp[j] = id; stack[sp++] = j;
                    }
            }
            compWidth.Add(best);
        }
        for (int i = 0; i < n; i++)
        {
            if (!ink[i]) { bgDist[i] = -1; continue; }
            width[i] = compWidth[comp[i]];
            // Only contour pixels can be nearest to the background; seeding them alone keeps the queue short.
            if (dist[i] == 0) queue[tail++] = i;
        }
        var excess = new double[n];
        while (head < tail)
        {
            int i = queue[head++], x = i % w, y = i / w;
            int d = ink[i] ? 0 : bgDist[i];
            double np = width[i] / 2.0;
            if (d + 1 > np) continue; // beyond the reach of this stroke: PW stays 1
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++)
                {
                    int xx = x + dx, yy = y + dy;
                    if ((uint)xx >= (uint)w || (uint)yy >= (uint)h) continue;
                    int j = yy * w + xx;
                    if (ink[j] || bgDist[j] >= 0) continue;
                    bgDist[j] = d + 1;
                    width[j] = width[i];
                    excess[j] = (d + 1) / np;
                    queue[tail++] = j;
                }
        }

        return new PseudoFWeights(w, h, recall, excess);
    }
}
