"""Cleans a JSON-lines dataset of pages with PySpark and tinsach.

    python python/examples/spark_clean.py INPUT.jsonl OUTPUT_DIR [--master local[2]]

INPUT holds one JSON object per line with ``url`` and ``html`` (the page as a
string). Each partition is cleaned in batches by ``Cleaner.clean_html_batch``
(GIL released, all of the executor's cores); OUTPUT_DIR gets JSON lines with
url, headline, published, date, source, outlet, authors, text and error (one
row per input row; ``error`` is set when the page is no article).

On a cluster, install the tinsach wheel on every executor (or ship it with
``--py-files``/a packed environment) and submit the same script with
``spark-submit --master yarn|k8s://…|spark://… python/examples/spark_clean.py
s3a://bucket/pages/ s3a://bucket/articles/``; give each executor several
cores (``spark.executor.cores``) and one Python worker per executor
(``spark.task.cpus`` = the executor's cores) so the batch uses them all.
"""

import argparse
import os
import sys

from pyspark.sql import SparkSession

from tinsach.spark import OUTPUT_SCHEMA, clean_partition


def clean(spark, input_path, output_path=None, batch_size=256):
    df = spark.read.json(input_path)
    out = df.rdd.mapPartitions(
        lambda rows: clean_partition(rows, column="html", url_column="url", batch_size=batch_size)
    ).toDF(OUTPUT_SCHEMA)
    if output_path:
        out.write.mode("overwrite").json(output_path)
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--master", default=None)
    args = p.parse_args()
    if args.master and args.master.startswith("local"):
        # Local workers run this interpreter, which has tinsach installed.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("tinsach-clean")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        out = clean(spark, args.input, args.output)
        print(f"{out.count()} rows written to {args.output}")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
