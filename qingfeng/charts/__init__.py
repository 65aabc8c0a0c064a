"""Statistics charts as PNG images (issue 17 item 3), with Chinese that renders on a fresh machine.

``qingfeng.charts.data`` holds the values a chart is drawn from and imports nothing heavy;
``qingfeng.charts.draw`` draws them and imports matplotlib, so import it only where a chart is made.
"""
