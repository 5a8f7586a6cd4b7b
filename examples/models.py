"""List the speech-to-text and text-to-speech models the project may use (the seed's model flow).

Runs against Deepgram when DEEPGRAM_API_KEY is set, otherwise against the embedded emulator.
"""

from _target import target

from deepgram import DeepgramClient

with target() as (api_key, project_id, url), DeepgramClient(api_key=api_key, url=url) as client:
    # Get available models
    models_response = client.manage.get_models(project_id)
    print("Speech-to-Text Models:")
    for model in models_response.stt_models:
        print(f"- {model.name} ({model.canonical_name})")
        print(f"  Architecture: {model.architecture}")
        print(f"  Version: {model.version}")
        print(f"  Batch: {model.batch}, Streaming: {model.streaming}")
        if model.language:
            print(f"  Language: {model.language}")

    print("\nText-to-Speech Models:")
    for model in models_response.tts_models:
        print(f"- {model.name} ({model.canonical_name})")
        print(f"  Architecture: {model.architecture}")
        print(f"  Version: {model.version}")
