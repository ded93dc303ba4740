package dev.junction.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text for the terminal: a header row, then rows, each column as wide as its widest cell and
 * separated by two spaces. Numbers read best right-aligned, names left-aligned; no line ends in spaces.
 */
final class TextTable {
    /** Where a column's cells sit within its width. */
    enum Align { LEFT, RIGHT }

    private final List<String> headers;
    private final List<Align> aligns;
    private final List<List<String>> rows = new ArrayList<>();

    private TextTable(List<String> headers, List<Align> aligns) {
        this.headers = headers;
        this.aligns = aligns;
    }

    /** A table whose columns are all left-aligned. */
    static TextTable withColumns(String... headers) {
        List<Align> aligns = new ArrayList<>();
        for (int i = 0; i < headers.length; i++) {
            aligns.add(Align.LEFT);
        }
        return new TextTable(List.of(headers), aligns);
    }

    /** Right-aligns column {@code index} (header included); returns this table. */
    TextTable alignRight(int index) {
        aligns.set(index, Align.RIGHT);
        return this;
    }

    /** Adds a row with one cell per column. */
    TextTable add(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    /** The table as lines ending in newlines. */
    String render() {
        int[] widths = new int[headers.size()];
        for (List<String> row : allRows()) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : allRows()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String padding = " ".repeat(widths[i] - cell.length());
                line.append(i > 0 ? "  " : "");
                line.append(aligns.get(i) == Align.RIGHT ? padding + cell : cell + padding);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private List<List<String>> allRows() {
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        return all;
    }
}
