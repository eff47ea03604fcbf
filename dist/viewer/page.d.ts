/** The viewer's HTML page; the script is served at /client.js (see bundle.ts). */
export declare function viewerHtml(title: string): string;
//# sourceMappingURL=page.d.ts.map