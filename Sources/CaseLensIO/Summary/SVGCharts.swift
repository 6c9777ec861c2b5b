import Foundation

/// Small inline SVG charts for the HTML summary: no scripts, no external assets, readable in
/// print. Every label is escaped.
public enum SVGCharts {
    /// One bar of a chart.
    public struct Bar {
        public var label: String
        public var value: Double
        /// The number written at the end of the bar.
        public var caption: String
        public var colour: String
        public init(label: String, value: Double, caption: String, colour: String) {
            self.label = label; self.value = value; self.caption = caption; self.colour = colour
        }
    }

    /// Horizontal bars, one a row, labels on the left.
    public static func horizontal(_ bars: [Bar], title: String, width: Int = 860, labelWidth: Int = 170) -> String {
        let row = 30, top = 8
        let height = top * 2 + row * bars.count
        let plot = Double(width - labelWidth - 70)
        let maxValue = bars.map(\.value).max() ?? 0
        var svg = open(width: width, height: height, title: title)
        for (i, b) in bars.enumerated() {
            let y = top + i * row
            let w = maxValue > 0 ? max(b.value > 0 ? 2 : 0, b.value / maxValue * plot) : 0
            svg += "<text x=\"\(labelWidth - 10)\" y=\(q(y + 19)) text-anchor=\"end\" class=\"label\">\(HTMLEscape.text(b.label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\(q(y + 5)) width=\(q(w)) height=\"20\" rx=\"2\" fill=\(q(b.colour))><title>\(HTMLEscape.text(b.label + ": " + b.caption))</title></rect>"
            svg += "<text x=\(q(Double(labelWidth) + w + 6)) y=\(q(y + 19)) class=\"value\">\(HTMLEscape.text(b.caption))</text>\n"
        }
        return svg + "</svg>"
    }

    /// Vertical bars (a histogram), labels below.
    public static func vertical(_ bars: [Bar], title: String, width: Int = 860, height: Int = 250) -> String {
        let left = 10, bottom = 34, top = 22
        let plotH = Double(height - bottom - top)
        let slot = Double(width - left * 2) / Double(max(1, bars.count))
        let maxValue = bars.map(\.value).max() ?? 0
        var svg = open(width: width, height: height, title: title)
        svg += "<line x1=\"\(left)\" y1=\(q(height - bottom)) x2=\(q(width - left)) y2=\(q(height - bottom)) class=\"axis\"/>\n"
        for (i, b) in bars.enumerated() {
            let h = maxValue > 0 ? max(b.value > 0 ? 2 : 0, b.value / maxValue * plotH) : 0
            let x = Double(left) + Double(i) * slot
            let y = Double(height - bottom) - h
            svg += "<rect x=\(q(x + slot * 0.12)) y=\(q(y)) width=\(q(slot * 0.76)) height=\(q(h)) rx=\"2\" fill=\(q(b.colour))><title>\(HTMLEscape.text(b.label + ": " + b.caption))</title></rect>"
            svg += "<text x=\(q(x + slot / 2)) y=\(q(y - 6)) text-anchor=\"middle\" class=\"value\">\(HTMLEscape.text(b.caption))</text>"
            svg += "<text x=\(q(x + slot / 2)) y=\(q(height - bottom + 18)) text-anchor=\"middle\" class=\"label\">\(HTMLEscape.text(b.label))</text>\n"
        }
        return svg + "</svg>"
    }

    private static func open(width: Int, height: Int, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" role=\"img\" aria-label=\(q(title))>"
            + "<title>\(HTMLEscape.text(title))</title>\n"
    }

    private static func q(_ v: Int) -> String { "\"\(v)\"" }
    private static func q(_ v: Double) -> String { "\"" + String(format: "%.1f", v) + "\"" }
    private static func q(_ s: String) -> String { "\"" + HTMLEscape.text(s) + "\"" }
}
