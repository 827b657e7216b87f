namespace SegmentSharp.Contours;

/// <summary>
/// Teh–Chin dominant-point detection (Teh &amp; Chin 1989, "On the detection of dominant points on digital curves",
/// IEEE PAMI 11(8)) on a closed chain code, with the exact passes, tie-breaks and float roundings of OpenCV's
/// <c>CHAIN_APPROX_TC89_L1</c> / <c>CHAIN_APPROX_TC89_KCOS</c> (contours_approx.cpp): support regions from the
/// chord-distance rule, L1 or k-cosine curvature, non-maximum suppression, removal of weak 1-support points and, for
/// L1, thinning of runs of adjacent survivors.
/// </summary>
internal sealed class TehChin
{
    private struct Item
    {
        public int X, Y;
        public int K;       // support region length
        public int S;       // curvature (L1 code difference, or the float bits of the k-cosine + 1.1)
        public bool Removed;
    }

    // |difference| of two chain directions on the 8-circle, indexed by cur - prev + 7.
    private static readonly int[] AbsDiff = [1, 2, 3, 4, 3, 2, 1, 0, 1, 2, 3, 4, 3, 2, 1, 0];
    private static readonly int[] Dx = [1, 1, 0, -1, -1, -1, 0, 1];
    private static readonly int[] Dy = [0, -1, -1, -1, 0, 1, 1, 1];

    private Item[] _a = new Item[256];
    private int _len;

    /// <summary>Appends the dominant points of the closed chain <paramref name="chain"/> starting at (ox, oy) to <paramref name="output"/>.</summary>
    public void Approximate(ReadOnlySpan<byte> chain, int ox, int oy, bool kcos, ref PointBuffer output)
    {
        if (chain.Length == 0)
        {
            output.Add(ox, oy);
            return;
        }

        // Pass 0: every chain point with its 1-curvature; straight-through points are removed up front.
        int n = chain.Length;
        if (_a.Length < n + 1) _a = new Item[Math.Max(n + 1, _a.Length * 2)];
        var a = _a;
        int x = ox, y = oy;
        for (int i = 0; i < n; i++)
        {
            int prev = i == 0 ? chain[n - 1] : chain[i - 1];
            int cur = chain[i];
            int s = AbsDiff[cur - prev + 7];
            a[i] = new Item { X = x, Y = y, S = s, K = 0, Removed = s == 0 };
            x += Dx[cur]; y += Dy[cur];
        }
        _len = n;

        // Pass 1: support region, and the k-cosine curvature if asked.
        for (int i = 0; i < n; i++)
        {
            if (a[i].Removed) continue;
            a[i].K = Support(i);
            if (kcos) a[i].S = Cosine(i);
        }

        // Pass 2: non-maximum suppression within half the support region (in place, so earlier clears are seen).
        for (int i = 0; i < n; i++)
        {
            if (Suppressed(i))
            {
                a[i].S = 0;
                a[i].Removed = true;
            }
        }

        // Pass 3: a point with a 1-pixel support survives only if it beats both neighbours.
        for (int i = 0; i < n; i++)
        {
            if (a[i].Removed) continue;
            if (a[i].K == 1)
            {
                int i1 = i >= 1 ? i - 1 : n - 1 + i;
                int i2 = i + 1 < n ? i + 1 : i + 1 - n;
                if (a[i].S <= a[i1].S || a[i].S <= a[i2].S)
                {
                    a[i].S = 0;
                    a[i].Removed = true;
                }
            }
        }

        if (!kcos)
        {
            // Pass 4: thin runs of adjacent survivors, starting after the run that wraps around the chain start.
            int start = 0;
            bool skip = false;
            if (a[0].S != 0 && a[n - 1].S != 0 && !NewStart(ref start)) skip = true;
            if (!skip) Cleanup(start);
        }

        for (int i = 0; i < _len; i++)
            if (!_a[i].Removed) output.Add(_a[i].X, _a[i].Y);
    }

    private int Support(int i)
    {
        var a = _a;
        int len = _len;
        int dNum = 0, l = 0;
        for (int k = 1; ; k++)
        {
            if (k > len) throw new InvalidOperationException("Teh–Chin support region exceeds the contour length.");
            int i1 = i >= k ? i - k : len - k + i;
            int i2 = i + k < len ? i + k : i + k - len;
            int dx = a[i2].X - a[i1].X, dy = a[i2].Y - a[i1].Y;
            int lk = dx * dx + dy * dy;
            int dkNum = (a[i].X - a[i1].X) * dy - (a[i].Y - a[i1].Y) * dx;
            // OpenCV compares the sign through the float's bit pattern, so -0.0 counts as negative.
            int d = BitConverter.SingleToInt32Bits((float)((double)dNum * lk - (double)dkNum * l));
            if (k > 1 && (l >= lk || (dNum > 0 && d <= 0) || (dNum < 0 && d >= 0)))
                return k - 1;
            dNum = dkNum;
            l = lk;
        }
    }

    private int Cosine(int i)
    {
        var a = _a;
        int len = _len;
        int k = a[i].K, s = 0;
        for (int j = k; j > 0; j--)
        {
            int i1 = i >= j ? i - j : len - j + i;
            int i2 = i + j < len ? i + j : i + j - len;
            int dx1 = a[i1].X - a[i].X, dy1 = a[i1].Y - a[i].Y;
            int dx2 = a[i2].X - a[i].X, dy2 = a[i2].Y - a[i].Y;
            if ((dx1 | dy1) == 0 || (dx2 | dy2) == 0) break;
            double t = dx1 * dx2 + dy1 * dy2;
            t = (float)(t / Math.Sqrt(((double)dx1 * dx1 + (double)dy1 * dy1) * ((double)dx2 * dx2 + (double)dy2 * dy2)));
            int sk = BitConverter.SingleToInt32Bits((float)(t + 1.1));
            if (j < k && sk <= s) break;
            s = sk;
        }
        return s;
    }

    private bool Suppressed(int i)
    {
        var a = _a;
        int len = _len;
        int k2 = a[i].K >> 1, s = a[i].S, j;
        for (j = 1; j <= k2; j++)
        {
            int i1 = i >= j ? i - j : len - j + i;
            int i2 = i + j < len ? i + j : i + j - len;
            if (a[i1].S > s || a[i2].S > s) break;
        }
        return j <= k2;
    }

    private int NextAlive(int start)
    {
        int r = start + 1;
        while (r < _len && _a[r].Removed) r++;
        return r;
    }

    private void RemoveBetween(int start, int finish)
    {
        for (int i = start + 1; i < finish && i < _len; i++) _a[i].Removed = true;
    }

    /// <summary>
    /// When survivors run across the chain start, clears their curvature at both ends so the run is thinned as one;
    /// false when every point survived.
    /// </summary>
    private bool NewStart(ref int res)
    {
        var a = _a;
        int len = _len;
        int i1;
        for (i1 = 1; i1 < len && a[i1].S != 0; i1++) a[i1 - 1].S = 0;
        if (i1 == len) return false;
        i1--;

        int i2;
        for (i2 = len - 2; i2 > 0 && a[i2].S != 0; i2--)
        {
            RemoveBetween(i2, len);
            a[i2 + 1].S = 0;
        }
        i2++;

        if (i1 == 0 && i2 == len - 1)
        {
            i1 = NextAlive(0);
            // Close the polygon with a copy of the first point (OpenCV appends it).
            if (_a.Length == _len) Array.Resize(ref _a, _len + 1);
            _a[_len] = _a[0];
            _a[_len].Removed = false;
            _len++;
        }
        res = i1;
        return true;
    }

    private void Cleanup(int startIdx)
    {
        var a = _a;
        int count = 1;
        int len = _len;
        int first = startIdx;
        for (int i = startIdx, prev = startIdx; i < len; i++)
        {
            if (a[i].Removed) continue;
            int next = NextAlive(i);
            if (next == len || next - i != 1)
            {
                if (count >= 2)
                {
                    if (count == 2)
                    {
                        int s1 = a[prev].S, s2 = a[i].S;
                        if (s1 > s2 || (s1 == s2 && a[prev].K <= a[i].K)) a[i].Removed = true;
                        else a[prev].Removed = true;
                    }
                    else
                    {
                        first = NextAlive(first);
                        RemoveBetween(first, i);
                    }
                }
                first = i;
                count = 1;
            }
            else
            {
                count++;
            }
            prev = i;
        }
    }
}
