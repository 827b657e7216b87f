using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SegmentSharp.Contours;

/// <summary>
/// Suzuki–Abe border following (Suzuki &amp; Abe 1985, "Topological structural analysis of digitized binary images by
/// border following") over a framed 0/1 copy of the mask, reproducing the choices of OpenCV's current
/// <c>findContours</c> (contours_new.cpp): the raster scan, the marks it writes, the 7-bit wrapping border numbers, the
/// bounding-box-and-retrace parent search and the prepend-to-parent tree that fixes the output order.
/// </summary>
/// <remarks>
/// Pixel values during the scan (read as signed bytes, as OpenCV does): 0 background, 1 untouched foreground,
/// 2..127 a border pixel marked with its border number, negative (bit 7 set) a border pixel whose right neighbour is
/// background ("right" mark). EXTERNAL and LIST mark every border with 2 and skip the tree bookkeeping.
/// </remarks>
internal sealed class ContourScanner
{
    private const int RightFlag = 0x80;
    private const int MarkMask = 0x7F;
    private const int SimpleMark = 2;

    // Chain-code directions 0..7 (y down): E, NE, N, NW, W, SW, S, SE.
    private static ReadOnlySpan<sbyte> Dx => [1, 1, 0, -1, -1, -1, 0, 1];
    private static ReadOnlySpan<sbyte> Dy => [0, -1, -1, -1, 0, 1, 1, 1];

    private readonly byte[] _img;
    private readonly int _step, _rows;
    private readonly int[] _delta = new int[16]; // index offsets of the 8 directions, repeated so s + 8 needs no mask
    private readonly ContourMode _mode;
    private readonly ContourApproximation _approx;
    private readonly bool _simpleMode;
    private readonly int _offX, _offY;
    // Per 7-bit mark, the borders carrying it in creation order, packed as (left, top, width, height, node): the parent
    // search walks one of these newest first, and a packed array walks far faster than node-to-node links.
    private readonly int[][] _byMark = new int[128][];
    private readonly int[] _byMarkCount = new int[128];
    private const int MarkEntry = 5;
    private int _nbd = 2;

    private ContourNode[] _nodes = new ContourNode[64];
    private int _nodeCount;
    internal PointBuffer Points;
    private byte[] _codes = new byte[256];
    private int _codeCount;
    private TehChin? _tehChin;

    public ContourScanner(byte[] framed, int width, int height, ContourMode mode, ContourApproximation approx, int offX, int offY)
    {
        _img = framed;
        _step = width + 2;
        _rows = height + 2;
        _mode = mode;
        _approx = approx;
        _simpleMode = mode is ContourMode.External or ContourMode.List;
        _offX = offX - 1;
        _offY = offY - 1;
        for (int s = 0; s < 16; s++) _delta[s] = Dx[s & 7] + Dy[s & 7] * _step;
        Points = new PointBuffer(1024);
        ref var root = ref NewNode();
        root.IsHole = true;
        root.RectX = 0; root.RectY = 0; root.RectW = _step; root.RectH = _rows;
    }

    public ReadOnlySpan<ContourNode> Nodes => _nodes.AsSpan(0, _nodeCount);

    /// <summary>Scans the whole image once, tracing every border where it starts.</summary>
    public void Run()
    {
        int width = _step - 1, height = _rows - 1;
        ref byte img = ref MemoryMarshal.GetArrayDataReference(_img);
        for (int y = 1; y < height; y++)
        {
            int row = y * _step;
            ref byte r = ref Unsafe.Add(ref img, row);
            int prev = 0, x = 1;
            int lastX = 0;
            while (x < width)
            {
                // The next pixel whose value differs from its left neighbour: only there can a border start. Runs on
                // text pages are mostly short, so a few scalar probes come before the vectorized search.
                byte pb = (byte)prev;
                int probeEnd = Math.Min(width, x + 8);
                while (x < probeEnd && Unsafe.Add(ref r, x) == pb) x++;
                if (x == probeEnd)
                {
                    if (x >= width) break;
                    int k = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref r, x), width - x).IndexOfAnyExcept(pb);
                    if (k < 0) break;
                    x += k;
                }
                int p = (sbyte)Unsafe.Add(ref r, x);
                if (TryStart(prev, p, ref lastX, x, y))
                {
                    prev = (sbyte)Unsafe.Add(ref r, x);
                }
                else
                {
                    prev = p;
                    if ((prev & ~1) != 0) lastX = x;
                }
                x++;
            }
        }
    }

    /// <summary>
    /// Decides whether a border starts at (x, y) given the left neighbour <paramref name="prev"/> and the pixel
    /// <paramref name="p"/>, finds its parent and traces it. <paramref name="lastX"/> is the column of the last border
    /// met on this row (Suzuki's LNBD), which picks the candidate parent.
    /// </summary>
    private bool TryStart(int prev, int p, ref int lastX, int x, int y)
    {
        bool isHole = false;
        if (!(prev == 0 && p == 1))
        {
            if (p != 0 || prev < 1) return false;
            if ((prev & ~1) != 0) lastX = x - 1;
            isHole = true;
        }
        if (_mode == ContourMode.External && (isHole || (sbyte)_img[y * _step + lastX] > 0)) return false;

        int parent;
        if (_simpleMode || (!isHole && _mode == ContourMode.CComp) || lastX <= 0)
        {
            parent = 0;
        }
        else
        {
            int lval = _img[y * _step + lastX] & MarkMask;
            parent = FindBoundingContour(lastX, y, lval);
            if (parent < 0) throw new InvalidOperationException("Contour tree inconsistent: no border carries the last met mark.");
            ref var cand = ref _nodes[parent];
            // Suzuki's rule: same kind as the last met border means a sibling of it, different kind means its child.
            if (cand.IsHole == isHole) parent = cand.Parent != -1 ? cand.Parent : 0;
        }
        lastX = x - (isHole ? 1 : 0);
        int self = MakeContour(isHole, x, y);
        AddChild(parent, self);
        return true;
    }

    /// <summary>
    /// Among the borders carrying mark <paramref name="lval"/> (numbers wrap at 7 bits, so several can), the one the
    /// last met pixel belongs to: the most recent whose box covers it, unless an older covering one retraces through it.
    /// </summary>
    private int FindBoundingContour(int lastX, int y, int lval)
    {
        int end = y * _step + lastX;
        int res = -1;
        int[]? list = _byMark[lval];
        if (list == null) return -1;
        for (int j = _byMarkCount[lval] * MarkEntry - MarkEntry; j >= 0; j -= MarkEntry)
        {
            if (lastX - list[j] < list[j + 2] && y - list[j + 1] < list[j + 3])
            {
                if (res != -1 && Reaches(_nodes[res].Origin, end, _nodes[res].IsHole)) break;
                res = list[j + 4];
            }
        }
        return res;
    }

    private int MakeContour(bool isHole, int x, int y)
    {
        int sx = x - (isHole ? 1 : 0);
        int self = _nodeCount;
        ref var node = ref NewNode();
        node.IsHole = isHole;
        node.Origin = y * _step + sx;
        int mark;
        if (_simpleMode)
        {
            mark = SimpleMark;
        }
        else
        {
            mark = _nbd;
            _nbd = (_nbd + 1) & MarkMask;
            if (_nbd == 0) _nbd = 3;
        }
        node.PointStart = Points.Count;
        Follow(ref node, sx, y, mark);
        node.PointCount = Points.Count - node.PointStart;
        if (!_simpleMode)
        {
            var list = _byMark[mark] ??= new int[16 * MarkEntry];
            int at = _byMarkCount[mark]++ * MarkEntry;
            if (at + MarkEntry > list.Length) _byMark[mark] = list = Grow(list);
            list[at] = node.RectX; list[at + 1] = node.RectY; list[at + 2] = node.RectW; list[at + 3] = node.RectH;
            list[at + 4] = self;
        }
        return self;
    }

    /// <summary>
    /// Follows one border from (sx, sy), marking it and recording its points (every pixel, the direction changes, or
    /// the chain codes for Teh–Chin). Holes search their first neighbour from east, outer borders from west, both
    /// clockwise; the walk then turns counter-clockwise from the way back.
    /// </summary>
    private void Follow(ref ContourNode node, int sx, int sy, int mark)
    {
        ref byte img = ref MemoryMarshal.GetArrayDataReference(_img);
        ref int delta = ref MemoryMarshal.GetArrayDataReference(_delta);
        ref sbyte dx = ref MemoryMarshal.GetReference(Dx);
        ref sbyte dy = ref MemoryMarshal.GetReference(Dy);
        int i0 = node.Origin;
        int px = sx + _offX, py = sy + _offY;
        int ox = px, oy = py;
        bool chain = _approx is ContourApproximation.Tc89L1 or ContourApproximation.Tc89Kcos;
        bool direct = _approx == ContourApproximation.None;
        // Only the parent search reads the box, and only CCOMP and TREE search.
        bool box = !_simpleMode;
        int minX = sx, minY = sy, maxX = sx, maxY = sy;
        byte right = (byte)(mark | RightFlag), marked = (byte)mark;
        _codeCount = 0;

        int sEnd = node.IsHole ? 0 : 4, s = sEnd, i1;
        do
        {
            s = (s - 1) & 7;
            i1 = i0 + Unsafe.Add(ref delta, s);
        }
        while (Unsafe.Add(ref img, i1) == 0 && s != sEnd);

        if (s == sEnd)
        {
            // An isolated pixel: a one-point contour.
            Unsafe.Add(ref img, i0) = right;
            if (!chain) Points.Add(px, py);
        }
        else
        {
            int i3 = i0, i4;
            int prevS = s ^ 4;
            for (;;)
            {
                sEnd = s;
                do
                {
                    s++;
                    i4 = i3 + Unsafe.Add(ref delta, s);
                }
                while (Unsafe.Add(ref img, i4) == 0);
                s &= 7;

                // The search passed east (direction 0) before finding the next pixel: the right neighbour is background.
                ref byte here = ref Unsafe.Add(ref img, i3);
                if ((uint)(s - 1) < (uint)sEnd) here = right;
                else if (here == 1) here = marked;

                if (chain) AddCode(s);
                else if (s != prevS || direct) Points.Add(px, py);

                if (box && s != prevS)
                {
                    int cx = px - _offX, cy = py - _offY;
                    if (cx < minX) minX = cx; else if (cx > maxX) maxX = cx;
                    if (cy < minY) minY = cy; else if (cy > maxY) maxY = cy;
                }
                prevS = s;
                px += Unsafe.Add(ref dx, s);
                py += Unsafe.Add(ref dy, s);

                if (i4 == i0 && i3 == i1) break;
                i3 = i4;
                s = (s + 4) & 7;
            }
        }
        node.RectX = minX; node.RectY = minY;
        node.RectW = maxX - minX + 1; node.RectH = maxY - minY + 1;

        if (chain)
        {
            _tehChin ??= new TehChin();
            _tehChin.Approximate(_codes.AsSpan(0, _codeCount), ox, oy, _approx == ContourApproximation.Tc89Kcos, ref Points);
        }
    }

    /// <summary>
    /// Retraces the border that starts at <paramref name="start"/> (already marked) and reports whether it passes
    /// through <paramref name="end"/> as the last border a raster scan would meet there; OpenCV's tie-break when two
    /// borders with the same wrapped number both box the last met pixel.
    /// </summary>
    private bool Reaches(int start, int end, bool isHole)
    {
        ref byte img = ref MemoryMarshal.GetArrayDataReference(_img);
        int i0 = start, i1;
        int sEnd = isHole ? 0 : 4, s = sEnd;
        do
        {
            s = (s - 1) & 7;
            i1 = i0 + _delta[s];
        }
        while (Unsafe.Add(ref img, i1) == 0 && s != sEnd);

        int i3 = i0;
        if (s == sEnd) return i3 == end;
        for (;;)
        {
            int i4;
            do
            {
                s++;
                i4 = i3 + _delta[s];
            }
            while (Unsafe.Add(ref img, i4) == 0);

            if (i3 == end)
            {
                if ((Unsafe.Add(ref img, i3) & RightFlag) == 0) return true;
                int t = s;
                for (;;)
                {
                    t = (t - 1) & 7;
                    if (Unsafe.Add(ref img, i3 + _delta[t]) != 0) break;
                    if (t == 0) return true;
                }
            }
            if (i4 == i0 && i3 == i1) return false;
            i3 = i4;
            s = (s + 4) & 7;
        }
    }

    private static int[] Grow(int[] list)
    {
        Array.Resize(ref list, list.Length * 2);
        return list;
    }

    private void AddCode(int s)
    {
        if (_codeCount == _codes.Length) Array.Resize(ref _codes, _codes.Length * 2);
        _codes[_codeCount++] = (byte)s;
    }

    private ref ContourNode NewNode()
    {
        if (_nodeCount == _nodes.Length) Array.Resize(ref _nodes, _nodes.Length * 2);
        _nodes[_nodeCount] = ContourNode.Empty;
        return ref _nodes[_nodeCount++];
    }

    /// <summary>Makes <paramref name="child"/> the first child of <paramref name="parent"/> (children are prepended).</summary>
    private void AddChild(int parent, int child)
    {
        ref var p = ref _nodes[parent];
        ref var c = ref _nodes[child];
        if (p.FirstChild != -1)
        {
            _nodes[p.FirstChild].Previous = child;
            c.Next = p.FirstChild;
        }
        p.FirstChild = child;
        c.Parent = parent;
        c.Previous = -1;
    }
}
