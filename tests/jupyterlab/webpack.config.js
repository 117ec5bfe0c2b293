// Builds the test page (src/index.js) into build/ with webpack. Development
// mode without source maps: the page is only served on 127.0.0.1 to the
// tests, and minifying ~10 MB of JupyterLab costs minutes on 2 cores.
const path = require('path');

module.exports = {
  mode: 'development',
  devtool: false,
  entry: './src/index.js',
  output: {
    path: path.resolve(process.env.GOKERNEL_LAB_BUILD || path.join(__dirname, 'build')),
    filename: 'bundle.js',
    publicPath: 'auto',
    clean: true
  },
  performance: { hints: false },
  module: {
    rules: [
      // Some packages import ES modules without the file extension.
      { test: /\.m?js$/, resolve: { fullySpecified: false } },
      { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      { test: /\.md$/, type: 'asset/source' },
      { test: /\.html$/, type: 'asset/resource' },
      // In CSS an SVG is a data URI; imported from JavaScript (JupyterLab's
      // icons) it is the SVG text.
      { test: /\.svg(\?v=\d+\.\d+\.\d+)?$/, issuer: /\.css$/, type: 'asset/inline' },
      { test: /\.svg(\?v=\d+\.\d+\.\d+)?$/, issuer: /\.js$/, type: 'asset/source' },
      { test: /\.(png|jpg|gif|ttf|woff|woff2|eot)(\?v=\d+\.\d+\.\d+)?$/, type: 'asset' }
    ]
  }
};
