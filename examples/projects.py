"""List your projects and show each one's details (the seed's project-management flow).

Runs against Deepgram when DEEPGRAM_API_KEY is set, otherwise against the embedded emulator.
"""

from _target import target

from deepgram import DeepgramClient

with target() as (api_key, project_id, url), DeepgramClient(api_key=api_key, url=url) as client:
    # List all projects
    projects_response = client.manage.get_projects()
    print(f"Found {len(projects_response.projects)} projects:")
    for project in projects_response.projects:
        print(f"- {project.name} (ID: {project.project_id})")

        # Get detailed project info
        project_details = client.manage.get_project(project.project_id)
        print(f"  Company: {project_details.company}")
        print(f"  Created: {project_details.created}")
