/** The numbers of a chart as a visually hidden table: its twin for screen readers and for print. */

/** Numbers of a chart as a table, for screen readers and for print. */
export interface ChartTable {
	caption: string;
	columns: string[];
	rows: (string | number)[][];
}

export default function ChartDataTable({ table }: { table: ChartTable }) {
	return (
		<table class="visually-hidden">
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
