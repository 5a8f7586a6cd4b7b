"""Usage over the last 30 days: the usage report, the summary and the usage fields (the seed's flow).

Runs against Deepgram when DEEPGRAM_API_KEY is set, otherwise against the embedded emulator.
For every request-log record of a window, exported to a file, see usage_export.py.
"""

from datetime import datetime, timedelta

from _target import target

from deepgram import DeepgramClient, UsageRequestOptions, UsageSummaryOptions

with target() as (api_key, project_id, url), DeepgramClient(api_key=api_key, url=url) as client:
    # Get usage for the last 30 days
    end_date = datetime.now()
    start_date = end_date - timedelta(days=30)

    usage_options = UsageRequestOptions(
        start=start_date.isoformat(),
        end=end_date.isoformat(),
        limit=100,
    )
    usage_response = client.manage.get_usage(project_id, usage_options)
    print(f"Usage period: {usage_response.start} to {usage_response.end}")
    print(f"Found {len(usage_response.results)} usage records")

    # Get usage summary
    summary_options = UsageSummaryOptions(
        start=start_date.isoformat(),
        end=end_date.isoformat(),
    )
    summary_response = client.manage.get_usage_summary(project_id, summary_options)
    for result in summary_response.results:
        print(f"Period: {result.start} to {result.end}")
        print(f"  Hours: {result.hours:.2f}")
        print(f"  Requests: {result.requests}")
        print(f"  Tokens: {result.tokens}")
    if not summary_response.results:  # not in the seed: today's API sends the window without results
        print("The summary has no per-period results; see usage_export.py for every request")

    # Get available usage fields
    fields_response = client.manage.get_usage_fields(project_id, usage_options)
    print(f"STT requests this period: {fields_response.stt.requests}")
    print(f"STT hours this period: {fields_response.stt.hours}")
    print(f"TTS requests this period: {fields_response.tts.requests}")
    print(f"TTS characters this period: {fields_response.tts.characters}")
