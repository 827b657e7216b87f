namespace SegmentSharp.Morphology;

/// <summary>
/// A flat structuring element: a <see cref="Width"/>×<see cref="Height"/> mask whose nonzero cells are the neighbours
/// a morphological operation looks at (Serra, <i>Image Analysis and Mathematical Morphology</i>, 1982).
/// The factory methods rasterise shapes exactly as OpenCV's <c>cv::getStructuringElement</c> does
/// (<c>MORPH_RECT</c>, <c>MORPH_CROSS</c>, <c>MORPH_ELLIPSE</c>); scikit-image's <c>footprint_rectangle</c>/<c>disk</c>
/// are the nearest equivalents there (its disks are rasterised differently).
/// </summary>
public sealed class StructuringElement
{
    private readonly byte[] _mask;

    private StructuringElement(byte[] mask, int width, int height)
    {
        _mask = mask;
        Width = width;
        Height = height;
        int count = 0;
        foreach (byte b in mask) count += b;
        Count = count;
    }

    /// <summary>Width of the mask in pixels.</summary>
    public int Width { get; }
    /// <summary>Height of the mask in pixels.</summary>
    public int Height { get; }
    /// <summary>Number of cells in the element (nonzero cells of the mask).</summary>
    public int Count { get; }
    /// <summary>True when every cell is set, which lets the operations use the separable van Herk / Gil–Werman path.</summary>
    public bool IsRectangle => Count == Width * Height;
    /// <summary>The mask, row-major, 1 for cells of the element and 0 elsewhere.</summary>
    public ReadOnlySpan<byte> Mask => _mask;
    /// <summary>Whether cell (<paramref name="x"/>, <paramref name="y"/>) belongs to the element.</summary>
    public bool this[int x, int y] => _mask[y * Width + x] != 0;

    /// <summary>
    /// A full <paramref name="width"/>×<paramref name="height"/> rectangle, as <c>cv2.getStructuringElement(cv2.MORPH_RECT, (w, h))</c>
    /// and scikit-image's <c>footprint_rectangle((h, w))</c>.
    /// </summary>
    public static StructuringElement Rectangle(int width, int height) => Shape(0, width, height, -1, -1);

    /// <summary>
    /// A cross: the full row and column through (<paramref name="anchorX"/>, <paramref name="anchorY"/>), defaulting to the
    /// centre (<c>size / 2</c>), as <c>cv2.getStructuringElement(cv2.MORPH_CROSS, (w, h), anchor)</c>.
    /// </summary>
    public static StructuringElement Cross(int width, int height, int anchorX = -1, int anchorY = -1) =>
        Shape(1, width, height, anchorX, anchorY);

    /// <summary>
    /// The ellipse inscribed in a <paramref name="width"/>×<paramref name="height"/> box, rasterised with OpenCV's rule
    /// (<c>cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (w, h))</c>): with <c>r = h/2</c>, <c>c = w/2</c>, row <c>i</c> spans
    /// <c>c ± round(c·√(1 − (i−r)²/r²))</c>, rounding half to even and clipped to the box. A 1×1 ellipse is a single cell.
    /// </summary>
    public static StructuringElement Ellipse(int width, int height) => Shape(2, width, height, -1, -1);

    /// <summary>
    /// A custom element from a row-major mask (nonzero = member), like passing a <c>uint8</c> kernel to <c>cv2.erode</c>
    /// or a boolean footprint to scikit-image. Values are normalised to 0/1.
    /// </summary>
    /// <exception cref="ArgumentException">The mask length is not <c>width × height</c>.</exception>
    public static StructuringElement FromMask(ReadOnlySpan<byte> mask, int width, int height)
    {
        CheckSize(width, height);
        if (mask.Length != width * height)
            throw new ArgumentException($"The mask has {mask.Length} cells but a {width}×{height} element needs {width * height}.", nameof(mask));
        var m = new byte[mask.Length];
        for (int i = 0; i < m.Length; i++) m[i] = mask[i] != 0 ? (byte)1 : (byte)0;
        return new StructuringElement(m, width, height);
    }

    /// <summary>A custom element from a boolean mask, row-major. See <see cref="FromMask(ReadOnlySpan{byte}, int, int)"/>.</summary>
    public static StructuringElement FromMask(ReadOnlySpan<bool> mask, int width, int height)
    {
        CheckSize(width, height);
        if (mask.Length != width * height)
            throw new ArgumentException($"The mask has {mask.Length} cells but a {width}×{height} element needs {width * height}.", nameof(mask));
        var m = new byte[mask.Length];
        for (int i = 0; i < m.Length; i++) m[i] = mask[i] ? (byte)1 : (byte)0;
        return new StructuringElement(m, width, height);
    }

    private static void CheckSize(int width, int height)
    {
        if (width <= 0) throw new ArgumentOutOfRangeException(nameof(width), width, "Element width must be positive.");
        if (height <= 0) throw new ArgumentOutOfRangeException(nameof(height), height, "Element height must be positive.");
        if ((long)width * height > 1 << 24)
            throw new ArgumentOutOfRangeException(nameof(width), $"A {width}×{height} element is larger than the 2^24 cells supported.");
    }

    private static StructuringElement Shape(int shape, int width, int height, int anchorX, int anchorY)
    {
        CheckSize(width, height);
        if (anchorX == -1) anchorX = width / 2;
        if (anchorY == -1) anchorY = height / 2;
        if ((uint)anchorX >= (uint)width || (uint)anchorY >= (uint)height)
            throw new ArgumentOutOfRangeException(nameof(anchorX), $"Anchor ({anchorX}, {anchorY}) lies outside the {width}×{height} element.");
        // OpenCV turns every 1×1 shape into a rectangle, so a 1×1 ellipse or cross is one set cell.
        if (width == 1 && height == 1) shape = 0;
        int r = 0, c = 0;
        double invR2 = 0;
        if (shape == 2)
        {
            r = height / 2;
            c = width / 2;
            invR2 = r != 0 ? 1.0 / ((double)r * r) : 0;
        }
        var m = new byte[width * height];
        for (int i = 0; i < height; i++)
        {
            int j1 = 0, j2 = 0;
            if (shape == 0 || (shape == 1 && i == anchorY)) j2 = width;
            else if (shape == 1) { j1 = anchorX; j2 = j1 + 1; }
            else
            {
                int dy = i - r;
                if (Math.Abs(dy) <= r)
                {
                    // Same double arithmetic and round-half-even as OpenCV's saturate_cast<int>(double).
                    int dx = (int)Math.Round(c * Math.Sqrt((r * r - dy * dy) * invR2), MidpointRounding.ToEven);
                    j1 = Math.Max(c - dx, 0);
                    j2 = Math.Min(c + dx + 1, width);
                }
            }
            for (int j = j1; j < j2; j++) m[i * width + j] = 1;
        }
        return new StructuringElement(m, width, height);
    }
}
