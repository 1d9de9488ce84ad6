"""A datatrove pipeline over WARC files, with tinsach as the extractor.

    python python/examples/datatrove_warc.py WARC_FOLDER OUTPUT_FOLDER [--tasks N]

Reads every ``*.warc.gz`` / ``*.warc`` in WARC_FOLDER (datatrove's WarcReader:
HTML responses, decoded), cleans each page with tinsach in place of
datatrove's Trafilatura step, and writes one JSON line per article
(``text`` = the body, ``metadata`` = url, headline, dates, authors…) to
OUTPUT_FOLDER. The same pipeline runs on Slurm with datatrove's
SlurmPipelineExecutor.
"""

import argparse

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import WarcReader
from datatrove.pipeline.writers import JsonlWriter

from tinsach.datatrove import Tinsach


def pipeline(warc_folder: str, output_folder: str, compression=None):
    return [
        WarcReader(warc_folder, glob_pattern="*.warc*"),
        Tinsach(),  # in place of: Trafilatura(favour_precision=True)
        JsonlWriter(output_folder, compression=compression),
    ]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("warc_folder")
    p.add_argument("output_folder")
    p.add_argument("--tasks", type=int, default=1)
    p.add_argument("--logs", default=None, help="datatrove's logging folder")
    args = p.parse_args()
    LocalPipelineExecutor(
        pipeline=pipeline(args.warc_folder, args.output_folder),
        tasks=args.tasks,
        workers=args.tasks,
        logging_dir=args.logs,
    ).run()


if __name__ == "__main__":
    main()
