"""A ten-line extractor, registered by tests/test_extractors.py: places spaCy names."""


def find_locations(doc):
    return [
        {"start": entity.start_char, "end": entity.end_char, "text": entity.text, "label": entity.label_}
        for entity in doc.ents
        if entity.label_ in ("GPE", "LOC")
    ]


def location_spans(row, actors_by_id, length):
    return [{"role": "location", "start": int(row["start"]), "end": int(row["end"]), "label": row["text"], "title": row["label"]}]
