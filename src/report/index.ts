/** The output layer as commands and the CLI use it; see reporter.ts for the three report shapes. */
export { FORMATS, type Cell, type Column, type Format, type OutputContext, type Row } from './types.js';
export { createSink, installEpipeExit, type Sink, type SinkOptions } from './sink.js';
export { colorLevel, outputContext, resolveColor, type ColorFlag, type ColorOptions } from './color.js';
export { createReporter, type ChartOptions, type Reporter, type Rows, type Summary, type SummaryList } from './reporter.js';
export { displayWidth, forDisplay, truncateDisplay } from './display.js';
export { formatNumber, renderKeyValue, renderTable, renderTitle, type KeyValue, type TableStyle } from './table.js';
export { renderBars, type Bar, type BarStyle } from './bars.js';
