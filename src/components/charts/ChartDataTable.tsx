/** The numbers of a chart as a visually hidden table: its twin for screen readers and for print. */

/** Numbers of a chart as a table, for screen readers and for print. */
export interface ChartTable {
	caption: string;
	columns: string[];
	rows: (string | number)[][];
}

/** `visible`: shown to everyone, e.g. when the chart itself could not be drawn. */
export default function ChartDataTable({ table, visible = false }: { table: ChartTable; visible?: boolean }) {
	return (
		<table class={visible ? 'chart-table' : 'visually-hidden'}>
			<caption>{table.caption}</caption>
			<thead>
				<tr>
					{table.columns.map((c) => (
						<th scope="col" key={c}>
							{c}
						</th>
					))}
				</tr>
			</thead>
			<tbody>
				{table.rows.map((r, i) => (
					<tr key={i}>
						{r.map((cell, j) => (j === 0 ? <th scope="row" key={j}>{cell}</th> : <td key={j}>{cell}</td>))}
					</tr>
				))}
			</tbody>
		</table>
	);
}
